import { describe, expect, it } from 'vitest';
import { unlinkedPupil } from '../../../../shared/domain/quality/rules/unlinked-pupil';
import { run } from './rule-harness';
import { ava, derek } from './quality-context';

describe('unlinked-pupil rule', () => {
  it.each([
    ['at the very start', 'Ava pushed Derek.', 'Ava'],
    ['at the very end', 'Derek was pushed by Ava', 'Ava'],
    ['possessive with a curly apostrophe', 'Derek took Ava’s coat.', 'Ava'],
    ['inside the child’s quote', 'Derek said “Ava hit me”.', 'Ava'],
  ])('suggests linking a pupil on roll named %s', (_case, text, expected) => {
    // Act
    const findings = run(unlinkedPupil, text, { roll: [ava] });
    // Assess
    expect(findings.map((finding) => finding.covers)).toEqual([expected]);
    expect(findings[0]).toMatchObject({ rule: 'unlinked-pupil', severity: 'advice', pupils: [{ id: ava.id, name: 'Ava Thompson', yearGroup: 'Year 3' }] });
    expect(findings[0]!.fix).toMatch(/witness/u);
  });

  it('flags a name once, at its first mention', () => {
    // Act
    const findings = run(unlinkedPupil, 'Ava pushed Derek. Later Ava said sorry.', { roll: [ava] });
    // Assess
    expect(findings.map((finding) => finding.span?.start)).toEqual([0]);
  });

  it.each([
    ['the pupil is linked', 'Ava pushed Derek.', [derek, ava]],
    ['the name is lower case (a word, not a name)', 'The ava-lanche game.', [derek]],
    ['the name is only part of a word', 'Avalon class.', [derek]],
  ])('does not flag it when %s', (_case, text, onIncident) => {
    // Act
    const findings = run(unlinkedPupil, text, { roll: [ava], onIncident });
    // Assess
    expect(findings).toEqual([]);
  });
});
