/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoUserNamed, useBrowser, signInAs } from './support/browser';
import { fillEssentials, localDateTime, submitAndConfirm } from './support/record-form';
import { callApi } from '../integration/support/call-api';
import { signIn } from '../integration/support/sign-in';

const sam = demoUserNamed('Sam');

async function incidentsBySamDescribed(description: string): Promise<number> {
  const tokens = await signIn(sam.email, sam.password);
  const mine = await callApi<{ incidents: { id: string }[] }>('/v1/me/incidents?limit=50', { token: tokens.accessToken });
  const texts = await Promise.all(mine.body.incidents.map((incident) => callApi<{ description: string }>(`/v1/incidents/${incident.id}`, { token: tokens.accessToken })));
  return texts.filter((each) => each.body.description === description).length;
}

/** Presses Tab until the element with this id has focus: it is reachable by keyboard, in order. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let presses = 0; presses < 250; presses += 1) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`#${id} was not reached with the Tab key`);
}

/** What protects a member of staff recording with a class in the room, checked in the browser. */
describe('recording safeguards', () => {
  const browser = useBrowser();

  it("refuses a future date and shows the API's error beside the date field", async () => {
    // Prepare
    const { page, context } = await browser.newPage();
    await signInAs(page, sam);
    await page.goto('/record');
    await fillEssentials(page, { typed: 'Leo', option: /Leo Marsh/ }, 'Leo said at lunch that he had not eaten since yesterday.');
    await page.getByLabel('When it happened').fill(localDateTime(2 * 24 * 60));
    await page.setViewportSize({ width: 390, height: 844 });
    // Usable on a phone: nothing wider than the screen.
    const phoneWidth = await page.evaluate(() => document.documentElement.scrollWidth);

    // Act
    await submitAndConfirm(page);

    // Assess
    const dateGroup = page.locator('.govuk-form-group', { has: page.locator('#occurredAt') });
    const error = dateGroup.locator('#occurredAt-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('is in the future');
    expect(await page.locator('#occurredAt').getAttribute('aria-describedby')).toContain('occurredAt-error');
    expect(await page.getByTestId('confirmation').count()).toBe(0);
    expect(phoneWidth).toBeLessThanOrEqual(390);
    await context.close();
  });

  it('keeps the draft across a reload, and a double submit records one incident', async () => {
    // Prepare
    const description = `Ruby told me before register that her brother had hurt her arm (${Date.now()}).`;
    const { page, context } = await browser.newPage();
    await signInAs(page, sam);
    await page.goto('/record');
    await fillEssentials(page, { typed: 'Ruby', option: /Ruby Fairweather/ }, description);
    await page.waitForFunction((text) => sessionStorage.getItem('lantern.draft')?.includes(text) ?? false, description);
    const keyBefore = await page.evaluate(() => JSON.parse(sessionStorage.getItem('lantern.draft') ?? '{}').idempotencyKey);

    // Act: an accidental reload, then two quick taps on the final button
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Record a concern' }).waitFor();
    const keptDescription = await page.getByLabel('What happened').inputValue();
    const keptPupil = await page.getByTestId('chosen-pupil').textContent();
    const keyAfter = await page.evaluate(() => JSON.parse(sessionStorage.getItem('lantern.draft') ?? '{}').idempotencyKey);
    await page.getByRole('button', { name: 'Add incident' }).click();
    await page.getByRole('button', { name: 'Submit the incident' }).waitFor();
    await page.evaluate(() => {
      const button = document.getElementById('submit') as HTMLButtonElement;
      button.click();
      button.click();
    });
    await page.getByTestId('confirmation').waitFor();

    // Assess
    expect(keptDescription).toBe(description);
    expect(keptPupil).toContain('Ruby Fairweather');
    expect(keyAfter).toBe(keyBefore);
    expect(await page.evaluate(() => sessionStorage.getItem('lantern.draft'))).toBeNull();
    expect(await incidentsBySamDescribed(description)).toBe(1);
    await context.close();
  });

  it('hides the whole page at once with the blank-screen shortcut, and brings it back', async () => {
    // Prepare
    const { page, context } = await browser.newPage();
    await signInAs(page, sam);
    await page.goto('/record');
    await fillEssentials(page, { typed: 'Theo', option: /Theo Bramley/ }, 'Theo was upset at the gate.');

    // Act
    await page.keyboard.press('Alt+Shift+KeyB');

    // Assess
    await page.getByTestId('blank-screen').waitFor();
    expect(await page.getByTestId('app-content').isVisible()).toBe(false);
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is what is rendered on screen, which is what the shortcut must hide
    expect(await page.locator('body').innerText()).not.toContain('Theo');
    await page.getByRole('button', { name: 'Show Lantern' }).click();
    expect(await page.getByLabel('What happened').inputValue()).toBe('Theo was upset at the gate.');
    await context.close();
  });

  it('records a concern by keyboard alone, and Enter in a field does not submit it', async () => {
    // Prepare
    const description = `Keyboard only: Freya said another pupil took her coat (${Date.now()}).`;
    const { page, context } = await browser.newPage();
    await signInAs(page, sam);

    // Act
    await page.goto('/record');
    await page.getByRole('heading', { level: 1, name: 'Record a concern' }).waitFor();
    await tabTo(page, 'pupil');
    await page.keyboard.type('Freya');
    await page.getByRole('option', { name: /Freya Danvers/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('chosen-pupil').waitFor();
    await tabTo(page, 'description');
    await page.keyboard.type(description);
    await tabTo(page, 'category-well-being');
    await page.keyboard.press('Space');
    await tabTo(page, 'location');
    await page.keyboard.press('Enter');
    const confirmAfterEnter = await page.getByTestId('confirm').count();
    await tabTo(page, 'body-map-front');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await tabTo(page, 'mark-0-description');
    await page.keyboard.type('Scratch on the back of the right hand');
    await tabTo(page, 'review');
    await page.keyboard.press('Enter');
    await page.getByTestId('confirm').waitFor();
    await tabTo(page, 'submit');
    await page.keyboard.press('Enter');

    // Assess
    await page.getByTestId('confirmation').waitFor();
    expect(confirmAfterEnter).toBe(0);
    expect(await incidentsBySamDescribed(description)).toBe(1);
    await context.close();
  });
});
