import type { Page } from 'playwright-core';
// The form's own formatting of a datetime-local value (draft.ts has only type imports).
import { localDateTimeValue } from '../../../web/src/record/draft';

/** Chooses an option of a typeahead (a pupil or a member of staff) by typing and clicking. */
export async function choose(page: Page, label: string | RegExp, typed: string, option: RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: typeof label === 'string' }).fill(typed);
  await page.getByRole('option', { name: option }).click();
}

/** A local datetime-local value `minutes` from now (negative: in the past). */
export function localDateTime(minutesFromNow: number): string {
  return localDateTimeValue(new Date(Date.now() + minutesFromNow * 60_000));
}

/** Fills the least a concern needs: a pupil, what happened and a category. */
export async function fillEssentials(page: Page, pupil: { typed: string; option: RegExp }, description: string): Promise<void> {
  await choose(page, 'Pupil', pupil.typed, pupil.option);
  await page.getByLabel('What happened').fill(description);
  await page.getByRole('checkbox', { name: 'Well-being', exact: true }).check();
}

export async function submitAndConfirm(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add incident' }).click();
  await page.getByText('Submitting is final').waitFor();
  await page.getByRole('button', { name: 'Submit the incident' }).click();
}
