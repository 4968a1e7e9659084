import { describe, expect, it } from 'vitest';
import { pupilInitials } from '../../../../shared/domain/quality/rules/pupil-initials';
import { run } from './rule-harness';
import { derek, jackSmith } from './quality-context';

describe('pupil-initials rule', () => {
  it.each([
    ['at the very start', 'JS pushed Derek.', 'JS'],
    ['with dots, at the very end', 'Derek was pushed by J.S.', 'J.S.'],
    ['possessive, curly apostrophe', 'It was JS’s bag.', 'JS'],
    ['in brackets', 'A pupil (JS) pushed Derek.', 'JS'],
  ])('flags initials a pupil on roll has, %s', (_case, text, expected) => {
    // Act
    const findings = run(pupilInitials, text, { roll: [jackSmith] });
    // Assess
    expect(findings.map((finding) => finding.covers)).toEqual([expected]);
    expect(findings[0]).toMatchObject({ rule: 'pupil-initials', severity: 'important', pupils: [{ id: jackSmith.id, name: 'Jack Smith' }] });
  });

  it('flags the subject’s own initials', () => {
    // Act
    const findings = run(pupilInitials, 'DM was upset.', { onIncident: [derek] });
    // Assess
    expect(findings.map((finding) => finding.covers)).toEqual(['DM']);
  });

  it.each([
    ['no pupil has them', 'XQ pushed Derek.'],
    ['a school abbreviation, even when a pupil has the letters', 'SLT were called; Jack Smith was there.'],
    ['staff written as initial and surname', 'JSmith supported Derek.'],
    ['lower case', 'js pushed Derek.'],
  ])('does not flag them when %s', (_case, text) => {
    // Act
    const findings = run(pupilInitials, text, { roll: [jackSmith, { ...jackSmith, id: 'pupil-slt', givenName: 'Sam', familyName: 'Lee' }] });
    // Assess
    expect(findings).toEqual([]);
  });
});
