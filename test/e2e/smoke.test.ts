import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoUserNamed, launchBrowser, newPage, signInAs } from './support/browser';

describe('smoke', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in', async () => {
    const { page, context } = await newPage(browser);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await signInAs(page, demoUserNamed('Hannah'));
    expect(errors).toEqual([]);
    await context.close();
  });
});
