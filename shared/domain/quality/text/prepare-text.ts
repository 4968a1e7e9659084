import type { PreparedText, TextSpan } from '../finding';
import { isInside, quotedRanges } from './quoted-ranges';
import { sentenceSpans } from './sentences';
import { capitalisedWords, initialsIn } from './name-words';

/** Finds quotes, sentences, capitalised words and initials once, for the roll lookup and every rule to share. */
export function prepareText(text: string): PreparedText {
  const quotes = quotedRanges(text);
  return { text, quotes, sentences: sentenceSpans(text), words: capitalisedWords(text), initials: initialsIn(text), isQuoted: (span: TextSpan) => isInside(quotes, span) };
}
