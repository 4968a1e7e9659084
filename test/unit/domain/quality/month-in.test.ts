import { describe, expect, it } from 'vitest';
import { monthCount, monthsBetween } from '../../../../shared/domain/quality/month-in';
import { RecordingQualityQuery } from '../../../../shared/schemas/quality';

describe('months of a recording-quality report', () => {
  it('lists every month from one to another inclusive, across a year end', () => {
    // Act
    const months = monthsBetween('2025-11', '2026-02');
    // Assess
    expect(months).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthCount('2025-11', '2026-02')).toBe(months.length);
  });

  it('refuses to list from something that is not a month instead of looping on it', () => {
    // Act
    const attempt = () => monthsBetween('0', '2026-02-30T10:00:00Z');
    // Assess
    expect(attempt).toThrow(RangeError);
    expect(monthCount('0', '2026-02')).toBeUndefined();
  });

  // Found by the fuzz suite: the range check ran on the unvalidated query, and the old
  // monthsBetween never ended on "0" (NaN months), growing an array until the process died.
  it('rejects a report query whose months are not months, naming both fields', () => {
    // Act
    const parsed = RecordingQualityQuery.safeParse({ from: '0', to: '2026-02-30T10:00:00Z' });
    // Assess
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['from', 'to']);
  });

  it('still rejects a range of more than 24 months', () => {
    // Act
    const parsed = RecordingQualityQuery.safeParse({ from: '2024-01', to: '2026-01' });
    // Assess
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('ask for at most 24 months');
  });
});
