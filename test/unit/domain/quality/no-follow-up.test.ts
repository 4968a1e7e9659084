import { describe, expect, it } from 'vitest';
import { noFollowUp } from '../../../../shared/domain/quality/rules/no-follow-up';
import { run } from './rule-harness';

describe('no-follow-up rule', () => {
  it.each([
    ['telling the child only', 'Derek shouted. I told him he had to stop.'],
    ['calling for help in the moment', 'He hit me, so I had to call for SLT.'],
    ['one word', 'Crying'],
  ])('flags an entry with no follow-up: %s', (_case, text) => {
    // Act
    const findings = run(noFollowUp, text);
    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'no-follow-up', severity: 'important' });
    expect(findings[0]!.span).toBeUndefined();
  });

  it.each([
    ['an Actions heading at the very start', 'Actions: none needed yet, monitoring.'],
    ['an Actions heading on a later line with a bullet', 'Ava fell.\n- Action: first aid given'],
    ['a heading in capitals', 'Ava fell.\nNEXT STEPS: check tomorrow'],
    ['who was told, at the very end', 'Ava fell. I raised this with Mum'],
    ['passed on, with a curly apostrophe nearby', 'Ava’s arm hurt. I passed this on to the DSL.'],
    ['informed', 'Jane Doe (social worker) to be informed.'],
    ['phoning home', 'I phoned home at 15:30.'],
    ['a plan', 'Class teacher will monitor at break.'],
  ])('accepts %s', (_case, text) => {
    // Act
    const findings = run(noFollowUp, text);
    // Assess
    expect(findings).toEqual([]);
  });

  it('says nothing about an empty draft', () => {
    // Act
    const findings = run(noFollowUp, '   ');
    // Assess
    expect(findings).toEqual([]);
  });
});
