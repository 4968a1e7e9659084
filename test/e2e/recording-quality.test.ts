/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { demoUserNamed, useBrowser, screenshots, seriousAccessibilityViolations, signInAs } from './support/browser';
import { choose, localDateTime, submitAndConfirm } from './support/record-form';

/** Seed 002's bad example, word for word. */
const seed002Bad =
  'Last week Derek was kicking off. He has been told time and time again about his behaviour but he just ignores me and does it anyway. He began to flip over the chairs in the classroom and the other children were really frightened and started crying. He started shouting at me as well, so I told him he had to stop that straight away. He flew out of the classroom and began running up and down the corridor, not bothered about who he was bumping into. He even started ripping down the displays that we’d spent all week creating, which really upset me! He started hitting me, so in the end I had to call for SLT because he was absolutely wild.';

describe('recording-quality advice in the browser', () => {
  const browser = useBrowser();

  it('shows the bad example’s findings with their words highlighted, lets one be dismissed, and still submits', async () => {
    // Prepare
    const { page, context } = await browser.newPage();
    await signInAs(page, demoUserNamed('Hannah'));
    await page.goto('/record');
    await choose(page, 'Pupil', 'Leo', /Leo Marsh/);
    await page.getByLabel('When it happened').fill(localDateTime(-7 * 24 * 60));
    await page.getByRole('checkbox', { name: 'Behaviour', exact: true }).check();

    // Act: type it as a person would, pausing at the end
    await page.getByLabel('What happened').pressSequentially(seed002Bad, { delay: 0 });
    const advice = page.getByTestId('quality-advice');
    await advice.locator('[data-rule="emotive-language"]').first().waitFor();

    // Assess: the findings, each with its words marked
    const rules = await advice.locator('[data-rule]').evaluateAll((items) => items.map((item) => item.getAttribute('data-rule')));
    expect(rules).toEqual(expect.arrayContaining(['timeliness', 'emotive-language', 'no-follow-up', 'vague-time']));
    const marked = await advice.getByTestId('quality-span').allTextContents();
    expect(marked).toEqual(expect.arrayContaining(['kicking off', 'flew out', 'really upset me', 'absolutely wild', 'Last week']));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'recording-quality-advice');

    // Act: dismiss one; "Show in text" selects the words in the box
    const vague = advice.locator('[data-rule="vague-time"]');
    await vague.getByRole('button', { name: 'Show in text' }).click();
    const selected = await page.evaluate(() => {
      const box = document.getElementById('description') as HTMLTextAreaElement;
      return box.value.slice(box.selectionStart, box.selectionEnd);
    });
    await vague.getByRole('button', { name: /Dismiss/ }).click();

    // Assess
    expect(selected).toBe('Last week');
    expect(await advice.locator('[data-rule="vague-time"]').count()).toBe(0);

    // Act: nothing stops submission
    await submitAndConfirm(page);

    // Assess
    await page.getByTestId('confirmation').waitFor();
    expect(await page.getByTestId('confirmation').textContent()).toContain('Concern recorded');
    await context.close();
  });

  it('gives an elevated DSL the recording-quality report: a chart with its table, accessible', async () => {
    // Prepare
    const { page, context } = await browser.newPage();
    await signInAs(page, demoUserNamed('Amara'));

    // Act
    await page.getByRole('link', { name: 'Recording quality' }).click();
    await page.getByTestId('quality-table').waitFor();

    // Assess
    expect(await page.getByRole('heading', { level: 1, name: 'Recording quality' }).count()).toBe(1);
    expect(await page.getByTestId('quality-chart').getAttribute('role')).toBe('img');
    expect(await page.getByRole('rowheader', { name: 'Emotive or loaded language' }).count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'recording-quality-report');
    await context.close();
  });
});
