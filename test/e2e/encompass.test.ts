/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { demoUserNamed, useBrowser, seriousAccessibilityViolations } from './support/browser';
import { callApi } from '../integration/support/call-api';
import { localFacts } from '../integration/support/local-facts';

/** Issue 16: a DSL matches a police Operation Encompass notification the roll could not. */
describe('Operation Encompass in the DSL workspace', () => {
  const browser = useBrowser();

  it('lists an unmatched notification first and lets an elevated DSL match it to a pupil by hand', async () => {
    // Prepare: the police send a notification whose date of birth matches nobody on roll
    const police = localFacts().partners.find((partner) => partner.id === 'northshire-police')!;
    const tokenResponse = await fetch(localFacts().cognito.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${police.clientId}:${police.clientSecret}`).toString('base64')}` },
      body: 'grant_type=client_credentials',
    });
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
    const received = await callApi<{ notificationId: string }>('/v1/partners/encompass-notifications', {
      method: 'POST',
      token,
      body: {
        policeReference: `NP/E2E/${Date.now()}`,
        child: { givenName: 'Isla', familyName: 'Pemberton', dateOfBirth: '2001-02-03' },
        occurredAt: new Date(Date.now() - 8 * 3_600_000).toISOString(),
        location: 'The family home',
        childPresent: false,
        childVoice: 'Was asleep at a grandparent’s house.',
        circumstances: 'Officers attended a reported argument; no arrests.',
      },
    });
    expect(received.status).toBe(201);
    const amara = demoUserNamed('Amara');
    const { page } = await browser.newPage();

    // Act
    await page.goto('/casework/encompass');
    await page.getByLabel('Email address').fill(amara.email);
    await page.getByLabel('Password').fill(amara.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('6-digit code').fill(await generate({ secret: amara.totpSecret! }));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Operation Encompass' }).waitFor();
    const notification = page.getByTestId(`encompass-${received.body.notificationId}`);
    await notification.waitFor();
    const violations = await seriousAccessibilityViolations(page);
    await notification.getByRole('button', { name: 'Search' }).click();
    await notification.getByRole('button', { name: /^Match to Isla Pemberton/ }).click();
    await page.getByTestId('encompass-matched').getByText(/Isla Pemberton/).first().waitFor();

    // Assess
    expect(violations).toEqual([]);
    await expect(notification.count()).resolves.toBe(0);
  });
});
