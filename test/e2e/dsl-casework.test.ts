/// <reference lib="dom" />
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { demoUserNamed, useBrowser, screenshots, seriousAccessibilityViolations } from './support/browser';
import { callApi } from '../integration/support/call-api';
import { signIn } from '../integration/support/sign-in';

/** A DSL's casework in the browser: step up, triage, re-categorise and close with a reason, refer. */
describe('the DSL workspace', () => {
  const browser = useBrowser();

  it('steps a DSL up with their authenticator, then works the triage list, re-categorises and closes an incident with a reason and records a referral', async () => {
    // Prepare: a teacher has recorded a concern about Isla
    const hannah = demoUserNamed('Hannah');
    const teacher = await signIn(hannah.email, hannah.password);
    const pupils = await callApi<{ students: { id: string; name: string }[] }>('/v1/students?query=Isla', { token: teacher.accessToken });
    const recorded = await callApi<{ id: string }>('/v1/incidents', {
      method: 'POST',
      token: teacher.accessToken,
      headers: { 'idempotency-key': randomUUID() },
      body: { studentId: pupils.body.students[0]!.id, description: 'Isla said she was scared to go home because of shouting. I am Hannah Price, Year 3 teacher.', categories: [{ categoryId: 'behaviour' }] },
    });
    expect(recorded.status).toBe(201);
    const amara = demoUserNamed('Amara');
    const { page, context } = await browser.newPage();

    // Act: the triage list asks for a sign-in with the authenticator, then comes back
    await page.goto('/casework/triage');
    await page.getByLabel('Email address').fill(amara.email);
    await page.getByLabel('Password').fill(amara.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('6-digit code').fill(await generate({ secret: amara.totpSecret! }));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Triage' }).waitFor();
    await page.getByTestId('triage-list').waitFor();
    const triageViolations = await seriousAccessibilityViolations(page);
    await screenshots(page, 'dsl-triage');
    await page.locator(`a[href="/incidents/${recorded.body.id}"]`).click();
    await page.getByTestId('casework').waitFor();
    const incidentViolations = await seriousAccessibilityViolations(page);

    await page.getByLabel('Note (optional)').fill('Read; I will see Isla this morning.');
    await page.getByRole('button', { name: 'Mark reviewed' }).click();
    await page.getByTestId('reviewed').waitFor();

    await page.getByLabel('Behaviour', { exact: true }).uncheck();
    await page.getByLabel('Safeguarding', { exact: true }).check();
    await page.getByLabel('Closed', { exact: true }).check();
    await page.getByLabel('Outcome (needed to close)').fill('Met Isla and mum; early help offered and accepted.');
    await page.getByLabel('Reason for the change').fill('This is a safeguarding concern about home, not behaviour.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved as a new version.').waitFor();
    await page.getByTestId('history').getByText(/Version 3: Amara Okafor/).waitFor();

    await page.getByLabel('Agency').selectOption('childrens_social_care');
    await page.getByLabel('Reference (optional)').fill('MASH-2026-0917');
    await page.getByRole('button', { name: 'Record referral' }).click();
    await page.getByText('Referral recorded.').waitFor();
    await page.getByTestId('referrals').getByText(/MASH-2026-0917/).waitFor();
    const managedViolations = await seriousAccessibilityViolations(page);
    await screenshots(page, 'dsl-incident-casework');

    await page.getByRole('link', { name: 'Referrals' }).click();
    await page.getByTestId('referral-list').waitFor();
    const referralViolations = await seriousAccessibilityViolations(page);

    // Assess
    expect(triageViolations).toEqual([]);
    expect(incidentViolations).toEqual([]);
    expect(managedViolations).toEqual([]);
    expect(referralViolations).toEqual([]);
    expect(await page.getByTestId('referral-list').textContent()).toContain(pupils.body.students[0]!.name);
    const incident = await callApi<{ status: string; outcome: string; version: number; categories: { categoryId: string }[]; description: string }>(`/v1/incidents/${recorded.body.id}`, {
      token: (await signIn(amara.email, amara.password, amara.totpSecret)).accessToken,
    });
    expect(incident.body).toMatchObject({ status: 'closed', outcome: 'Met Isla and mum; early help offered and accepted.', version: 3, categories: [{ categoryId: 'safeguarding' }] });
    expect(incident.body.description).toContain('scared to go home');
    await context.close();
  });
});
