import { describe, expect, it } from 'vitest';
import { timeliness } from '../../../../shared/domain/quality/rules/timeliness';
import { run } from './rule-harness';
import { now } from './quality-context';

const hoursBefore = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();

describe('timeliness rule', () => {
  it('calls a week-late entry important and says how late', () => {
    // Act
    const findings = run(timeliness, 'Text.', { draftOccurredAt: hoursBefore(7 * 24) });
    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'timeliness', severity: 'important' });
    expect(findings[0]!.explanation).toContain('about 7 days');
  });

  it('advises on an entry past the advice threshold only', () => {
    // Act
    const findings = run(timeliness, 'Text.', { draftOccurredAt: hoursBefore(30) });
    // Assess
    expect(findings.map((finding) => finding.severity)).toEqual(['advice']);
  });

  it('uses the school’s own thresholds', () => {
    // Act
    const findings = run(timeliness, 'Text.', { draftOccurredAt: hoursBefore(5), lateEntryHours: { advice: 2, important: 4 } });
    // Assess
    expect(findings.map((finding) => finding.severity)).toEqual(['important']);
  });

  it.each([
    ['recorded straight away', hoursBefore(0.5)],
    ['no date given (it means now)', undefined],
  ])('says nothing when %s', (_case, draftOccurredAt) => {
    // Act
    const findings = run(timeliness, 'Text.', { draftOccurredAt });
    // Assess
    expect(findings).toEqual([]);
  });
});
