import { describe, expect, it } from 'vitest';
import { childVoiceMissing } from '../../../../shared/domain/quality/rules/child-voice-missing';
import { run } from './rule-harness';

const safeguarding = [{ id: 'safeguarding', name: 'Safeguarding' }];

describe('child-voice-missing rule', () => {
  it.each([
    ['Safeguarding by id', safeguarding],
    ['Child Protection by id', [{ id: 'child-protection', name: 'Child Protection' }]],
    ["a school's Child's view category by name", [{ id: 'cv', name: 'Child’s view' }]],
    ['Concern by name, any case', [{ id: 'c1', name: 'CONCERN' }]],
  ])('flags a disclosure with no quote: %s', (_case, categories) => {
    // Act
    const findings = run(childVoiceMissing, 'Ava told me her dad shouted at her. I passed this on to the DSL.', { categories });
    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'child-voice-missing', severity: 'important' });
  });

  it('does not count an apostrophe as a quote', () => {
    // Act
    const findings = run(childVoiceMissing, "Ava's dad shouted; she didn't want to go home.", { categories: safeguarding });
    // Assess
    expect(findings).toHaveLength(1);
  });

  it.each([
    ['curly double quotes at the very end', 'Ava said “my dad shouted”'],
    ['straight double quotes at the very start', '"My dad shouted" is what Ava said.'],
    ['straight single quotes', "Ava replied – 'I don't like my life anymore'."],
    ['curly single quotes', 'Ava said ‘he was cross’.'],
  ])('accepts the child’s words in %s', (_case, text) => {
    // Act
    const findings = run(childVoiceMissing, text, { categories: safeguarding });
    // Assess
    expect(findings).toEqual([]);
  });

  it('asks nothing of other categories', () => {
    // Act
    const findings = run(childVoiceMissing, 'Ava fell in the playground.', { categories: [{ id: 'first-aid', name: 'First aid' }] });
    // Assess
    expect(findings).toEqual([]);
  });
});
