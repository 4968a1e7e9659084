import { describe, expect, it } from 'vitest';
import { checkRecordingQuality } from '../../../../shared/domain/quality/check-recording-quality';
import { context, derek, now, sally, ava } from './quality-context';
import { seed002Bad, seed002Good, seed003Sally } from './seed-examples';

describe('checkRecordingQuality on the seeds', () => {
  it('finds the seed 002 bad example late, emotive and without follow-up', () => {
    // Prepare
    const aWeekBefore = new Date(now.getTime() - 7 * 24 * 3_600_000).toISOString();
    // Act
    const findings = checkRecordingQuality(seed002Bad, context({ draftOccurredAt: aWeekBefore }));
    // Assess
    const rules = new Set(findings.map((finding) => finding.rule));
    expect(rules).toContain('timeliness');
    expect(rules).toContain('emotive-language');
    expect(rules).toContain('no-follow-up');
    expect(rules).toContain('vague-time');
    const emotive = findings.filter((finding) => finding.rule === 'emotive-language').map((finding) => seed002Bad.slice(finding.span!.start, finding.span!.end));
    expect(emotive).toEqual(expect.arrayContaining(['kicking off', 'flew out', 'really upset me', 'absolutely wild', 'not bothered']));
    expect(findings.find((finding) => finding.rule === 'timeliness')?.severity).toBe('important');
  });

  it('gives the seed 002 good example no important finding', () => {
    // Act
    const findings = checkRecordingQuality(seed002Good, context({ onIncident: [derek], roll: [ava] }));
    // Assess
    expect(findings.filter((finding) => finding.severity === 'important')).toEqual([]);
  });

  it('gives the seed 003 Sally example, recorded as Safeguarding, no important finding', () => {
    // Act
    const findings = checkRecordingQuality(seed003Sally, context({ onIncident: [sally], categories: [{ id: 'safeguarding', name: 'Safeguarding' }] }));
    // Assess
    expect(findings.filter((finding) => finding.severity === 'important')).toEqual([]);
  });

  it('flags nothing for emotive words that are only in the child’s quoted words', () => {
    // Prepare
    const text = 'At 10:15 Derek said “everyone was kicking off and it was absolutely wild”. He said \'Miss, I couldn\'t care less\'. I passed this on to the DSL.';
    // Act
    const findings = checkRecordingQuality(text, context());
    // Assess
    expect(findings.filter((finding) => finding.rule === 'emotive-language')).toEqual([]);
  });

  it('orders findings by where they are, whole-entry findings first, and is deterministic', () => {
    // Act
    const first = checkRecordingQuality(seed002Bad, context());
    const second = checkRecordingQuality(seed002Bad, context());
    // Assess
    expect(second).toEqual(first);
    const starts = first.map((finding) => finding.span?.start ?? -1);
    expect(starts).toEqual([...starts].sort((left, right) => left - right));
  });
});
