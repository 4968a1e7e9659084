import { describe, expect, it } from 'vitest';
import { opinionWithoutEvidence } from '../../../../shared/domain/quality/rules/opinion-without-evidence';
import { run } from './rule-harness';

describe('opinion-without-evidence rule', () => {
  it.each([
    ['at the very start', 'I think he is neglected. He is in Year 4.', 'I think'],
    ['at the very end', 'He is unhappy at home, obviously', 'obviously'],
    ['in capitals', 'HE CLEARLY DOES NOT WANT TO BE HERE.', 'CLEARLY'],
    ['followed only by more opinion', 'It seems she is unhappy. She is a lovely girl.', 'It seems'],
  ])('flags it %s', (_case, text, expected) => {
    // Act
    const findings = run(opinionWithoutEvidence, text);
    // Assess
    expect(findings.map((finding) => finding.covers)).toEqual([expected]);
    expect(findings[0]).toMatchObject({ rule: 'opinion-without-evidence', severity: 'advice' });
  });

  it.each([
    ['evidence after a colon', 'I think he did not want to go home: he became tearful at home time.'],
    ['evidence in the same sentence', 'She seems worried because she asked three times who was collecting her.'],
    ['evidence in the next sentence', 'I feel she is hungry. I saw her take food from the bin at 10:30.'],
    ['inside the child’s quote', 'Ava said “I think my mum is cross”.'],
    ['inside a straight quote', "Ava said 'it seems silly' and laughed."],
    ['no opinion', 'Ava was crying at the gate at 08:40.'],
  ])('does not flag it %s', (_case, text) => {
    // Act
    const findings = run(opinionWithoutEvidence, text);
    // Assess
    expect(findings).toEqual([]);
  });
});
