import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { generate } from 'otplib';
import { chromiumLaunchOptions } from './chromium-launch';
import { localFacts } from '../../integration/support/local-facts';
import type { LocalDemoUser } from '../../../local/local-facts';

export const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', '..', 'test-artifacts', 'screenshots');

export interface TestBrowser {
  /** A fresh context (its own sessionStorage) at desktop width, with the app's origin. */
  newPage(width?: number): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * One headless Chromium for the describe block that calls this: launched before its tests,
 * closed after them. Each test opens its own page (and so its own sign-in) with `newPage()`.
 */
export function useBrowser(): TestBrowser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch(chromiumLaunchOptions());
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async newPage(width = 1280) {
      if (!browser) throw new Error('useBrowser launches Chromium in beforeAll: open pages inside a test');
      const context = await browser.newContext({ viewport: { width, height: 900 }, baseURL: localFacts().apiUrl });
      const page = await context.newPage();
      // Generous: CI shares two cores with DynamoDB Local, the stand-ins and Chromium.
      page.setDefaultTimeout(40_000);
      return { context, page };
    },
  };
}

export function demoUserNamed(givenName: string): LocalDemoUser {
  const user = localFacts().users.find((candidate) => candidate.givenName === givenName);
  if (!user) throw new Error(`No demo user called ${givenName}`);
  return user;
}

/** Signs in through the sign-in page; answers the TOTP challenge from the user's demo secret. */
export async function signInAs(page: Page, user: LocalDemoUser): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (user.totpSecret) {
    await page.getByLabel('6-digit code').fill(await generate({ secret: user.totpSecret }));
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.getByRole('heading', { level: 1, name: new RegExp(`Hello, ${user.givenName}`) }).waitFor();
}

/** Screenshots of the page at 1280 and 768 px, kept as test artefacts. */
export async function screenshots(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.2 AA rules). */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`);
}
