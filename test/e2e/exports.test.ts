/// <reference lib="dom" />
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoUserNamed, useBrowser, seriousAccessibilityViolations, signInAs, screenshots } from './support/browser';
import { callApi } from '../integration/support/call-api';
import { signIn } from '../integration/support/sign-in';
import { readPdf } from '../unit/support/pdf-text';

/** Issue 13's browser story: a DSL exports a redacted PDF of a pupil's chronology from the pupil page. */
describe('chronology exports', () => {
  const browser = useBrowser();

  it('lets an elevated DSL export a redacted PDF from the pupil page and download it', async () => {
    // Prepare: a concern about Freya naming Arlo (linked), Theo by first name, and two members of staff
    const hannah = demoUserNamed('Hannah');
    const amara = demoUserNamed('Amara');
    const teacher = (await signIn(hannah.email, hannah.password)).accessToken;
    const pupilIdOf = async (name: string) => (await callApi<{ students: { id: string }[] }>(`/v1/students?query=${name}`, { token: teacher })).body.students[0]!.id;
    const freya = await pupilIdOf('Freya');
    const arlo = await pupilIdOf('Arlo');
    const recorded = await callApi<{ id: string }>('/v1/incidents', {
      method: 'POST',
      token: teacher,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        studentId: freya,
        description: 'Freya said "Arlo Nakamura took my coat". Theo saw it and told Mr Osei. I am Hannah Price, Year 3 teacher.',
        categories: [{ categoryId: 'bullying' }],
        linkedStudents: [{ studentId: arlo, role: 'alleged_perpetrator' }],
      },
    });
    expect(recorded.status).toBe(201);
    const { page, context } = await browser.newPage();
    await signInAs(page, amara);

    // Act
    await page.goto(`/pupils/${encodeURIComponent(freya)}`);
    await page.getByRole('heading', { level: 1, name: /Freya/ }).waitFor();
    const form = page.getByRole('form', { name: 'Export the chronology' });
    await form.getByLabel('PDF document').check();
    await form.getByLabel(/Redact third parties/).check();
    await form.getByRole('button', { name: 'Export' }).click();
    await page.getByTestId('export-ready').waitFor();
    const violations = await seriousAccessibilityViolations(page);
    await screenshots(page, 'pupil-export');
    const link = page.getByTestId('export-ready').getByRole('link', { name: /Download chronology-/ });
    const href = (await link.getAttribute('href'))!;
    const download = await fetch(href);
    const pdf = await readPdf(new Uint8Array(await download.arrayBuffer()));

    // Assess
    expect(violations).toEqual([]);
    expect(download.status).toBe(200);
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.text).toContain('Chronology: Freya Danvers');
    expect(pdf.text).toContain('CONFIDENTIAL');
    expect(pdf.text).toContain('[pupil 1]');
    for (const name of ['Arlo', 'Nakamura', 'Theo', 'Osei', 'Hannah', 'Price', 'Amara', 'Okafor']) expect(pdf.text, name).not.toMatch(new RegExp(`\\b${name}\\b`));
    const audit = await callApi<{ events: { action: string; detail?: Record<string, string> }[] }>(`/v1/audit?studentId=${encodeURIComponent(freya)}`, {
      token: (await signIn(amara.email, amara.password, amara.totpSecret)).accessToken,
    });
    expect(audit.body.events.some((event) => event.action === 'student.export' && event.detail?.format === 'pdf' && event.detail?.redact === 'third-parties')).toBe(true);
    await context.close();
  });
});
