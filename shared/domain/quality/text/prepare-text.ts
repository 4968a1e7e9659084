import type { PreparedText, TextSpan } from '../finding';
import { isInside, quotedRanges } from './quoted-ranges';
import { sentenceSpans } from './sentences';

/** Finds quotes and sentences once, for every rule to share. */
export function prepareText(text: string): PreparedText {
  const quotes = quotedRanges(text);
  return { text, quotes, sentences: sentenceSpans(text), isQuoted: (span: TextSpan) => isInside(quotes, span) };
}
