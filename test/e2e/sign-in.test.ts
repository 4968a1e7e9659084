/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import { describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { demoUserNamed, useBrowser, screenshots, seriousAccessibilityViolations, signInAs } from './support/browser';
import { callApi } from '../integration/support/call-api';
import { signIn } from '../integration/support/sign-in';
import { turnOffAuthenticator } from '../integration/support/user-pool';

/** Signing in as a browser does: the TOTP challenge, and an invited member of staff's first sign-in and enrolment. */
describe('signing in', () => {
  const browser = useBrowser();

  it('lets a DSL enrolled with an authenticator sign in with a TOTP code, elevated', async () => {
    // Prepare
    const amara = demoUserNamed('Amara');
    const { page, context } = await browser.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: /Sign in to/ }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'sign-in');

    // Act
    await page.getByLabel('Email address').fill(amara.email);
    await page.getByLabel('Password').fill(amara.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enter the code from your authenticator app' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'sign-in-code');
    await page.getByLabel('6-digit code').fill(await generate({ secret: amara.totpSecret! }));
    await page.getByRole('button', { name: 'Continue' }).click();

    // Assess
    await page.getByRole('heading', { level: 1, name: 'Hello, Amara' }).waitFor();
    await page.getByText('Signed in as Amara Okafor · elevated').waitFor();
    const stored = await page.evaluate(() => ({ session: Object.keys(sessionStorage), local: Object.keys(localStorage) }));
    expect(stored.session).toContain('lantern.session');
    expect(stored.local).toEqual([]);
    await context.close();
  });

  it('takes an invited member of staff through a new password and enrolling an authenticator from the QR code', async () => {
    // Prepare: an administrator invites a new teaching assistant
    const olivia = demoUserNamed('Olivia');
    const admin = await signIn(olivia.email, olivia.password);
    const email = `priya.nair.${Date.now()}@oakfield.example`;
    const invited = await callApi('/v1/staff', {
      method: 'POST',
      token: admin.accessToken,
      body: { email, givenName: 'Priya', familyName: 'Nair', jobTitle: 'Teaching Assistant', groups: ['staff'] },
    });
    expect(invited.status).toBe(201);
    const newPassword = 'Lantern!Priya2026';
    const { page, context } = await browser.newPage();

    // Act: the temporary password from the invitation, then her own
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill('Temporary!Pass1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'new-password');
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello, Priya' }).waitFor();
    await page.getByRole('link', { name: 'Authenticator' }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    const qr = page.getByRole('img', { name: 'QR code for your authenticator app' });
    await qr.waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'authenticator');
    const uri = new URL((await qr.getAttribute('data-otpauth-uri')) ?? '');
    const secret = uri.searchParams.get('secret') ?? '';
    await page.getByLabel('6-digit code').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Confirm' }).click();

    // Assess: enrolled, and the next sign-in asks for a code
    await page.getByTestId('enrolled').waitFor();
    expect(uri.protocol).toBe('otpauth:');
    const tokens = await signIn(email, newPassword, secret);
    const me = await callApi<{ mfaEnrolled: boolean }>('/v1/me', { token: tokens.accessToken });
    expect(me.body.mfaEnrolled).toBe(true);
    await turnOffAuthenticator(tokens.accessToken);
    await context.close();
  });
});

describe('stepping up', () => {
  const browser = useBrowser();

  it('sends a DSL without an authenticator, asked to elevate, to set one up, keeping where she was', async () => {
    // Prepare: an incident the deputy DSL is not alerted to, open to DSLs once elevated
    const hannah = demoUserNamed('Hannah');
    const chloe = demoUserNamed('Chloe');
    const author = await signIn(hannah.email, hannah.password);
    const pupils = await callApi<{ students: { id: string }[] }>('/v1/students?query=Mia', { token: author.accessToken });
    const recorded = await callApi<{ id: string }>('/v1/incidents', {
      method: 'POST',
      token: author.accessToken,
      body: { studentId: pupils.body.students[0]!.id, description: 'Mia said she is scared to walk home alone.', categories: [{ categoryId: 'well-being' }] },
    });
    expect(recorded.status).toBe(201);
    const { page, context } = await browser.newPage();
    await signInAs(page, chloe);

    // Act
    await page.goto(`/incidents/${recorded.body.id}`);

    // Assess
    await page.getByTestId('authenticator-needed').waitFor();
    expect(new URL(page.url()).pathname).toBe('/authenticator');
    expect(await page.evaluate(() => sessionStorage.getItem('lantern.returnTo'))).toBe(`/incidents/${recorded.body.id}`);
    await context.close();
  });
});
