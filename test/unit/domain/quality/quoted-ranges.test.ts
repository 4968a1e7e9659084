import { describe, expect, it } from 'vitest';
import { quotedRanges } from '../../../../shared/domain/quality/text/quoted-ranges';

const quotesOf = (text: string) => quotedRanges(text).map((range) => text.slice(range.start, range.end));

describe('quotedRanges', () => {
  it.each([
    ['curly doubles', 'She said “no” and “yes”.', ['“no”', '“yes”']],
    ['straight doubles at both ends', '"no" she said "yes"', ['"no"', '"yes"']],
    ['straight singles with apostrophes inside', "she replied – 'I don't like it' then left", ["'I don't like it'"]],
    ['curly singles', 'he said ‘go away’.', ['‘go away’']],
    ['an apostrophe alone is no quote', 'Derek’s bag; the pupils’ coats; we’d left', []],
    ['an unclosed quote runs to the end of its paragraph', 'she said “help\n\nNext paragraph', ['“help']],
  ])('finds %s', (_case, text, expected) => {
    // Act
    const quotes = quotesOf(text);
    // Assess
    expect(quotes).toEqual(expected);
  });
});
