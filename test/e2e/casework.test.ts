/// <reference lib="dom" />
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoUserNamed, useBrowser, seriousAccessibilityViolations, signInAs } from './support/browser';
import { callApi } from '../integration/support/call-api';
import { signIn } from '../integration/support/sign-in';

/**
 * Issue 11's browser stories for the casework screens: an elevated DSL opens a pupil, filters
 * the chronology and sees a report chart; an elevated SLT member sees the reports without
 * the safeguarding categories. axe-core checks each page.
 */
describe('casework screens', () => {
  const browser = useBrowser();
  let pupilId = '';
  const hannah = demoUserNamed('Hannah');
  const amara = demoUserNamed('Amara');
  const tom = demoUserNamed('Tom');

  beforeAll(async () => {
    const teacher = (await signIn(hannah.email, hannah.password)).accessToken;
    const found = await callApi<{ students: { id: string }[] }>('/v1/students?query=Poppy', { token: teacher });
    pupilId = found.body.students[0]!.id;
    const recordedIds: string[] = [];
    for (const [categoryId, description] of [
      ['bullying', 'Poppy said "they took my lunch again" at the classroom door. I am Hannah Price.'],
      ['safeguarding', 'Poppy said "I do not want to go home tonight" while lining up. I am Hannah Price.'],
    ] as const) {
      const recorded = await callApi<{ id: string }>('/v1/incidents', { method: 'POST', token: teacher, headers: { 'idempotency-key': randomUUID() }, body: { studentId: pupilId, description, categories: [{ categoryId }] } });
      expect(recorded.status).toBe(201);
      recordedIds.push(recorded.body.id);
    }
    // A DSL refers the bullying incident to early help.
    const dsl = (await signIn(amara.email, amara.password, amara.totpSecret)).accessToken;
    const referred = await callApi(`/v1/incidents/${encodeURIComponent(recordedIds[0]!)}/referrals`, { method: 'POST', token: dsl, body: { agency: 'early_help', madeAt: new Date().toISOString(), reference: 'EH-2207' } });
    expect(referred.status).toBe(201);
    // The report counters follow the outbox: wait until the projector has counted both, and the referral.
    const year = new Date().getUTCFullYear();
    for (let attempt = 0; attempt < 60; attempt += 1) {
      const summary = await callApi<{ groups: { key: string }[]; referrals: { agency: string }[] }>(`/v1/reports/summary?from=${year - 1}-01-01&to=${year + 1}-12-31&groupBy=category`, { token: dsl });
      const keys = summary.body.groups.map((group) => group.key);
      if (keys.includes('bullying') && keys.includes('safeguarding') && summary.body.referrals.some((row) => row.agency === 'early_help')) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });

  it("lets an elevated DSL open a pupil, filter the chronology and see a report's chart", async () => {
    // Prepare
    const { page, context } = await browser.newPage();
    await signInAs(page, amara);
    // Act
    await page.goto(`/pupils/${encodeURIComponent(pupilId)}`);
    await page.getByRole('heading', { level: 1, name: /Poppy/ }).waitFor();
    await page.getByTestId('chronology').waitFor();
    const everything = await page.getByTestId('chronology').locator('li').count();
    const unfiltered = (await page.getByTestId('chronology').textContent()) ?? '';
    await page.getByLabel('Category').selectOption('bullying');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForFunction((before) => document.querySelectorAll('[data-testid="chronology"] li').length < before, everything);
    const filtered = (await page.getByTestId('chronology').textContent()) ?? '';
    const pupilAxe = await seriousAccessibilityViolations(page);
    // The pupil page and the incident page link to each other.
    await page.getByTestId('chronology').getByRole('link', { name: 'Bullying' }).first().click();
    await page.getByTestId('pupil-file-links').getByRole('link', { name: /file and chronology/ }).click();
    await page.getByRole('heading', { level: 1, name: /Poppy/ }).waitFor();
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    const chart = page.getByRole('img', { name: /^Incidents by category/ });
    await chart.waitFor();
    const referrals = (await page.getByTestId('report-referrals').textContent()) ?? '';
    // Assess
    expect(unfiltered).toContain('Referral to Early help (EH-2207)');
    expect(referrals).toContain('Early help');
    expect(filtered).toContain('Bullying');
    expect(filtered).not.toContain('Safeguarding');
    expect(await chart.getAttribute('aria-label')).toMatch(/Safeguarding: \d+/);
    expect(pupilAxe).toEqual([]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('lets an elevated DSL find a leaver, archive a pupil out of the recording search and restore them', async () => {
    // Prepare
    const teacher = (await signIn(hannah.email, hannah.password)).accessToken;
    const { page, context } = await browser.newPage();
    await signInAs(page, amara);
    // Act: a demo leaver is found only with leavers included.
    await page.getByRole('link', { name: 'Pupils' }).click();
    await page.getByLabel('Forename or surname').fill('Jasper');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('No pupil matches.').waitFor();
    await page.getByLabel('Include leavers (archived pupils)').check();
    await page.getByRole('button', { name: 'Search' }).click();
    const leaver = (await page.getByTestId('found-pupils').textContent()) ?? '';
    const findAxe = await seriousAccessibilityViolations(page);
    // Act: archive Felix from his file, then restore him.
    await page.getByLabel('Forename or surname').fill('Felix');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('found-pupils').getByRole('link', { name: /Felix/ }).click();
    await page.getByRole('heading', { level: 1, name: /Felix/ }).waitFor();
    await page.getByLabel(/Why is this pupil leaving/).fill('Moved to Riverside Academy at half term.');
    await page.getByRole('button', { name: 'Archive as a leaver' }).click();
    await page.getByRole('button', { name: 'Restore to roll' }).waitFor();
    const whileArchived = await callApi<{ students: { name: string }[] }>('/v1/students?query=Felix', { token: teacher });
    await page.getByLabel(/Why is this pupil back on roll/).fill('Came back after the move fell through.');
    await page.getByRole('button', { name: 'Restore to roll' }).click();
    await page.getByRole('button', { name: 'Archive as a leaver' }).waitFor();
    const afterRestore = await callApi<{ students: { name: string }[] }>('/v1/students?query=Felix', { token: teacher });
    // Assess
    expect(leaver).toContain('Jasper Kilbride');
    expect(leaver).toContain('Archived (leaver)');
    expect(findAxe).toEqual([]);
    expect(whileArchived.body.students).toEqual([]);
    expect(afterRestore.body.students.map((student) => student.name)).toEqual(['Felix Greenhalgh']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows an elevated SLT member the reports without the safeguarding categories', async () => {
    // Prepare
    const { page, context } = await browser.newPage();
    await signInAs(page, tom);
    // Act
    await page.getByRole('link', { name: 'Reports' }).click();
    const chart = page.getByRole('img', { name: /^Incidents by category/ });
    await chart.waitFor();
    const label = (await chart.getAttribute('aria-label')) ?? '';
    const table = (await page.locator('figure', { has: chart }).locator('table').textContent()) ?? '';
    // Assess
    expect(label).toMatch(/Bullying: \d+/);
    expect(label).not.toMatch(/Safeguarding|Child protection/i);
    expect(table).not.toMatch(/Safeguarding|Child protection/i);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
