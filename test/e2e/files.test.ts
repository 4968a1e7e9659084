/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import { demoUserNamed, useBrowser, screenshots, seriousAccessibilityViolations, signInAs } from './support/browser';
import { choose, fillEssentials, submitAndConfirm } from './support/record-form';

const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
const FILE_NAME = 'Letter from the doctor.pdf';

/**
 * Issue 12's browser story: a teacher drops a PDF on the record-a-concern form, watches it
 * upload, and submits; the colleague she alerted sees it checked and downloads the same file.
 */
describe('a teacher attaches a letter by drag and drop and the alerted colleague downloads it', () => {
  const browser = useBrowser();
  let incidentId = '';
  const hannah = demoUserNamed('Hannah');
  const daniel = demoUserNamed('Daniel');

  it('drops a PDF on the form, shows its progress, refuses a video before sending it, and records the incident with the letter', async () => {
    // Prepare: hold the upload at the bucket until its progress has been seen
    const { page, context } = await browser.newPage();
    await signInAs(page, hannah);
    await page.getByRole('link', { name: 'Record a concern' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Record a concern' }).waitFor();
    await fillEssentials(page, { typed: 'Isla', option: /Isla Pemberton/ }, 'At 8:45 Isla’s mum gave me, Hannah Price (Year 3 teacher), a letter from the family doctor at the gate.');
    await choose(page, 'Alert a member of staff', 'Osei', /Daniel Osei/);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/lantern-files\//, async (route: Route) => {
      if (route.request().method() === 'PUT') await held;
      await route.continue();
    });
    const dropZone = page.getByTestId('files-drop-zone');
    const dataTransfer = await page.evaluateHandle(
      ({ text, name }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], name, { type: 'application/pdf' }));
        transfer.items.add(new File(['not really a video'], 'Playground.mp4', { type: 'video/mp4' }));
        return transfer;
      },
      { text: PDF, name: FILE_NAME },
    );

    // Act
    await dropZone.dispatchEvent('dragover', { dataTransfer });
    await dropZone.dispatchEvent('drop', { dataTransfer });
    const uploading = page.getByTestId('pending-file').filter({ hasText: FILE_NAME });
    await uploading.getByRole('progressbar', { name: `Uploading ${FILE_NAME}` }).waitFor();
    const refusal = await page.getByTestId('pending-file').filter({ hasText: 'Playground.mp4' }).textContent();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'files-uploading');
    release();
    await page.getByTestId('uploaded-file').filter({ hasText: FILE_NAME }).waitFor();
    await submitAndConfirm(page);

    // Assess
    expect(await uploading.count()).toBe(0);
    expect(refusal).toContain('Playground.mp4 is not a kind of file Lantern keeps');
    const confirmation = page.getByTestId('confirmation');
    await confirmation.waitFor();
    incidentId = (await confirmation.locator('strong').textContent()) ?? '';
    expect(incidentId).toMatch(/^[0-9A-Z]{26}$/);
    await context.close();
  });

  it('shows the alerted colleague the letter once checked, and downloads the same bytes', async () => {
    // Prepare
    const { page, context } = await browser.newPage();
    await signInAs(page, daniel);
    await page.goto(`/incidents/${incidentId}`);
    await page.getByRole('heading', { level: 1, name: /Isla Pemberton/ }).waitFor();
    const files = page.getByTestId('incident-files');
    await files.waitFor();
    // The scan runs once the file lands: a page opened before it ends says "Being checked".
    for (let attempt = 0; attempt < 20 && (await files.getByRole('button', { name: /^Download/ }).count()) === 0; attempt += 1) {
      const recheck = files.getByRole('button', { name: /^Check again/ });
      if ((await recheck.count()) > 0) await recheck.click();
      await page.waitForTimeout(250);
    }
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'incident-files');

    // Act
    const downloading = page.waitForEvent('download');
    await files.getByRole('button', { name: `Download ${FILE_NAME}` }).click();
    const download = await downloading;
    const saved = await readFile((await download.path()) ?? '', 'utf8');

    // Assess
    expect(download.suggestedFilename()).toBe(FILE_NAME);
    expect(saved).toBe(PDF);
    await context.close();
  });
});
