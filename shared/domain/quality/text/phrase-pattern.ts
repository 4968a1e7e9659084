import type { TextSpan } from '../finding';

/**
 * One regular expression for a list of phrases: whole words only, any case, any run of
 * spaces between words, and a straight or curly apostrophe wherever the list has one
 * ("couldn't" finds "couldn’t"). Built once when a rule's module loads.
 */
export function phrasePattern(phrases: readonly string[]): RegExp {
  const alternatives = [...phrases]
    .sort((left, right) => right.length - left.length)
    .map((phrase) =>
      phrase
        .trim()
        .replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
        .replace(/['’]/gu, "['’‘]")
        .replace(/\s+/gu, '\\s+'),
    );
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

export interface PhraseMatch extends TextSpan {
  readonly text: string;
}

export function matchesOf(pattern: RegExp, text: string): PhraseMatch[] {
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length, text: match[0] }));
}
