import { describe, expect, it } from 'vitest';
import { emotiveLanguage } from '../../../../shared/domain/quality/rules/emotive-language';
import { run } from './rule-harness';

describe('emotive-language rule', () => {
  it.each([
    ['at the very start, any case', 'Kicking off again in class.', 'Kicking off'],
    ['at the very end, before a full stop', 'He was absolutely wild.', 'absolutely wild'],
    ['at the very end, no punctuation', 'He had a tantrum', 'tantrum'],
    ['with a curly apostrophe', 'She couldn’t care less, she said nothing.', 'couldn’t care less'],
    ['with a straight apostrophe and capitals', "SHE COULDN'T CARE LESS!", "COULDN'T CARE LESS"],
    ['across a line break', 'He flew\nout of the room.', 'flew\nout'],
    ['after a single quote left unclosed as an apostrophe', 'The pupils’ work was ripped and it really upset me.', 'really upset me'],
  ])('flags it %s', (_case, text, expected) => {
    // Act
    const findings = run(emotiveLanguage, text);
    // Assess
    expect(findings.map((finding) => finding.covers)).toEqual([expected]);
    expect(findings[0]).toMatchObject({ rule: 'emotive-language', severity: 'important' });
    expect(findings[0]!.fix).toMatch(/Instead/u);
  });

  it.each([
    ['inside curly double quotes', 'Derek said “you are all kicking off”.'],
    ['inside straight double quotes', 'Derek said "it was wild" and left.'],
    ['inside straight single quotes', "She replied – 'I couldn't care less' and sat down."],
    ['inside curly single quotes', 'She said ‘he had a tantrum’ at home.'],
    ['a quote at the very start', '"Tantrum!" was what Derek shouted.'],
    ['a quote running to the very end', 'Derek said “they kicked off'],
    ['part of a longer word', 'The wilderness area; the kickoff at football.'],
    ['a plain account', 'Derek tipped over two chairs and shouted.'],
  ])('does not flag it %s', (_case, text) => {
    // Act
    const findings = run(emotiveLanguage, text);
    // Assess
    expect(findings).toEqual([]);
  });
});
