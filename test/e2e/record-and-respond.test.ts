/// <reference lib="dom" />
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoUserNamed, useBrowser, screenshots, seriousAccessibilityViolations, signInAs } from './support/browser';

const DOCS_DIR = join(import.meta.dirname, '..', '..', 'docs');
import { choose, localDateTime, submitAndConfirm } from './support/record-form';
import { callApi } from '../integration/support/call-api';
import { signIn } from '../integration/support/sign-in';

/**
 * The first two browser stories: a teacher records a concern with everything a
 * CPOMS entry has, and the colleague she alerted reads it, adds an action tagging a third
 * colleague and acknowledges the alert. Every page on the way is checked with axe-core
 * and photographed at 1280 and 768 px.
 */
describe('a teacher records a concern and the alerted colleague acts on it', () => {
  const browser = useBrowser();
  let incidentId = '';
  const hannah = demoUserNamed('Hannah');
  const daniel = demoUserNamed('Daniel');
  const grace = demoUserNamed('Grace');

  it('records an incident with a linked pupil, two body-map marks, an alert and a reminder, and confirms it', async () => {
    // Prepare
    const { page, context } = await browser.newPage();
    await signInAs(page, hannah);
    await page.getByRole('link', { name: 'Record a concern' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Record a concern' }).waitFor();

    // Act
    await choose(page, 'Pupil', 'Isla', /Isla Pemberton — Year 2/);
    await page.getByLabel('What happened').fill('At 10:40 Isla came to me, Hannah Price (Year 3 teacher), in the playground. She said "Oscar pushed me off the bench".');
    await page.getByRole('checkbox', { name: 'Bullying', exact: true }).check();
    await page.getByLabel('Where it happened').selectOption('Playground');
    await page.getByLabel('When it happened').fill(localDateTime(-30));
    await choose(page, 'Add a linked pupil', 'Oscar', /Oscar Hale/);
    await page.getByLabel(/Role of Oscar Hale/).selectOption('alleged_perpetrator');
    const front = page.getByTestId('body-map-front');
    await front.click({ position: { x: 60, y: 150 } });
    await front.click({ position: { x: 140, y: 160 } });
    await page.getByLabel(/Mark 1 \(front/).fill('Red graze about 2 cm on the right forearm');
    await page.getByLabel(/Mark 2 \(front/).fill('Small bruise on the left elbow');
    await choose(page, 'Alert a member of staff', 'Osei', /Daniel Osei/);
    await page.getByLabel('Remind me on (optional)').fill(localDateTime(24 * 60));
    await page.getByLabel('Reminder note').fill('Check in with Isla at lunch');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'record-a-concern');
    if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
      // The README's picture: `UPDATE_DOCS_SCREENSHOTS=1 npm run test:e2e` refreshes it.
      await mkdir(DOCS_DIR, { recursive: true });
      await page.getByRole('heading', { name: 'Linked pupils' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: join(DOCS_DIR, 'record-a-concern.png') });
    }
    await submitAndConfirm(page);

    // Assess
    const confirmation = page.getByTestId('confirmation');
    await confirmation.waitFor();
    expect(await confirmation.textContent()).toContain('Isla Pemberton');
    incidentId = (await confirmation.locator('strong').textContent()) ?? '';
    expect(incidentId).toMatch(/^[0-9A-Z]{26}$/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'confirmation');
    const tokens = await signIn(hannah.email, hannah.password);
    const stored = await callApi<{ linkedStudents: { name: string; role: string }[]; bodyMap: { number: number }[]; alerted: { staff: { name: string }[] }; reminder?: { note: string } }>(
      `/v1/incidents/${incidentId}`,
      { token: tokens.accessToken },
    );
    expect(stored.body.linkedStudents).toEqual([expect.objectContaining({ name: 'Oscar Hale', role: 'alleged_perpetrator' })]);
    expect(stored.body.bodyMap.map((mark) => mark.number)).toEqual([1, 2]);
    expect(stored.body.alerted.staff.map((member) => member.name)).toEqual(['Daniel Osei']);
    expect(stored.body.reminder?.note).toBe('Check in with Isla at lunch');
    await context.close();
  });

  it("shows the author's dashboard with the incident and the reminder", async () => {
    // Prepare
    const { page, context } = await browser.newPage();

    // Act
    await signInAs(page, hannah);

    // Assess
    await page.getByTestId('my-incidents').getByRole('link', { name: /Isla Pemberton/ }).waitFor();
    // The dashboard's lists load independently: wait for the reminder rather than reading at once.
    await page.getByTestId('my-reminders').getByText('Check in with Isla at lunch').waitFor();
    expect(await page.getByTestId('my-reminders').textContent()).toContain('Check in with Isla at lunch');
    await context.close();
  });

  it('lets the alerted colleague see the alert unread, open it, add an action tagging a third colleague and acknowledge it', async () => {
    // Prepare
    const { page, context } = await browser.newPage();
    await signInAs(page, daniel);
    const alert = page.getByTestId('alert').filter({ hasText: 'Isla Pemberton' });
    await alert.waitFor();
    expect(await alert.getAttribute('data-unread')).toBe('true');
    expect(await alert.textContent()).toContain('Hannah Price');
    expect(await alert.textContent()).toContain('Bullying');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'dashboard');

    // Act
    await alert.getByRole('button', { name: /^Open/ }).click();
    await page.getByRole('heading', { level: 1, name: /Isla Pemberton/ }).waitFor();
    expect(await page.getByTestId('seen-because').textContent()).toContain('you were alerted to it');
    expect(await page.getByTestId('linked-pupils').textContent()).toContain('Oscar Hale (Alleged perpetrator)');
    expect(await page.getByTestId('incident-marks').locator('li').count()).toBe(2);
    await page.getByLabel('What was done, decided or passed on').fill('Spoke to Oscar with Grace; both boys reminded of the playground rules.');
    await choose(page, /Tag a member of staff/, 'Lind', /Grace Lindqvist/);
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByText('Action added.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'incident');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    const opened = page.getByTestId('alert').filter({ hasText: 'Isla Pemberton' });
    await opened.getByRole('button', { name: /^Acknowledge/ }).click();

    // Assess
    await opened.getByText('Acknowledged').waitFor();
    expect(await opened.getAttribute('data-unread')).toBe('false');
    expect(await page.getByTestId('actions').count()).toBe(0);
    const graceTokens = await signIn(grace.email, grace.password);
    const graceAlerts = await callApi<{ alerts: { incidentId: string; kind: string }[] }>('/v1/alerts?unread=true', { token: graceTokens.accessToken });
    expect(graceAlerts.body.alerts).toContainEqual(expect.objectContaining({ incidentId, kind: 'action' }));
    await context.close();
  });
});
