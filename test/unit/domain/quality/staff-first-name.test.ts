import { describe, expect, it } from 'vitest';
import { staffFirstName } from '../../../../shared/domain/quality/rules/staff-first-name';
import { run } from './rule-harness';
import { ava } from './quality-context';

describe('staff-first-name rule', () => {
  it.each([
    ['at the very start', 'Hannah took Derek out.', 'Hannah'],
    ['at the very end', 'Derek went with Hannah', 'Hannah'],
    ['in capitals only at the start', 'Derek went with Gemma, then Hannah.', 'Gemma'],
  ])('flags a forename alone %s, suggesting initial and surname', (_case, text, expected) => {
    // Act
    const findings = run(staffFirstName, text);
    // Assess
    expect(findings[0]?.covers).toBe(expected);
    expect(findings[0]).toMatchObject({ rule: 'staff-first-name', severity: 'advice' });
    expect(findings[0]!.fix).toMatch(expected === 'Hannah' ? /HPrice/u : /GBrown/u);
  });

  it.each([
    ['initial and surname', 'HPrice took Derek out.'],
    ['full name', 'Hannah Price took Derek out.'],
    ['lower case word', 'hannah is not a name here.'],
    ['a pupil on the roll has the forename', 'Ava took Derek out.'],
  ])('does not flag %s', (_case, text) => {
    // Act
    const findings = run(staffFirstName, text, { roll: [ava], staff: [{ givenName: 'Hannah', familyName: 'Price' }, { givenName: 'Ava', familyName: 'Keane' }] });
    // Assess
    expect(findings).toEqual([]);
  });
});
