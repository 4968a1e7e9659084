import { describe, expect, it } from 'vitest';
import { demoUserNamed, useBrowser, signInAs } from './support/browser';

describe('smoke', () => {
  const browser = useBrowser();

  it('signs in', async () => {
    const { page, context } = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await signInAs(page, demoUserNamed('Hannah'));
    expect(errors).toEqual([]);
    await context.close();
  });
});
