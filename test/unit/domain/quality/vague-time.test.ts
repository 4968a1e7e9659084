import { describe, expect, it } from 'vitest';
import { vagueTime } from '../../../../shared/domain/quality/rules/vague-time';
import { run } from './rule-harness';

describe('vague-time rule', () => {
  it.each([
    ['at the very start', 'Last week Derek was upset.', 'Last week'],
    ['at the very end', 'It happened the other day', 'the other day'],
    ['in capitals before a comma', 'YESTERDAY, at lunch, Ava fell.', 'YESTERDAY'],
    ['with extra spaces', 'It was a  few days ago.', 'a  few days ago'],
  ])('flags it %s', (_case, text, expected) => {
    // Act
    const findings = run(vagueTime, text);
    // Assess
    expect(findings.map((finding) => finding.covers)).toEqual([expected]);
    expect(findings[0]).toMatchObject({ rule: 'vague-time', severity: 'advice' });
  });

  it.each([
    ['inside the child’s curly quote', 'Ava said “last week my dad shouted”.'],
    ['inside a straight single quote', "Ava said 'the other day it hurt'."],
    ['a date and time', 'On Tuesday 1 December at 10:15 Ava fell.'],
    ['part of a word', 'The lastweek folder.'],
  ])('does not flag it %s', (_case, text) => {
    // Act
    const findings = run(vagueTime, text);
    // Assess
    expect(findings).toEqual([]);
  });
});
