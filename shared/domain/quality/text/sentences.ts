import type { TextSpan } from '../finding';

/**
 * Sentences of a description: a run ending in . ! or ? (with any closing quote or bracket
 * after it) followed by a space or the end, or a line. Good enough to ask "does the next
 * sentence say what was seen?"; it need not be perfect English.
 */
export function sentenceSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    let from = start;
    while (from < end && /\s/u.test(text[from]!)) from += 1;
    if (from < end) spans.push({ start: from, end });
  };
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (character === '\n') {
      push(index);
      start = index + 1;
      continue;
    }
    if (character === '.' || character === '!' || character === '?') {
      let end = index + 1;
      while (end < text.length && /[.!?"'”’)\]]/u.test(text[end]!)) end += 1;
      if (end >= text.length || /\s/u.test(text[end]!)) {
        push(end);
        start = end;
        index = end - 1;
      }
    }
  }
  push(text.length);
  return spans;
}

/** The index of the sentence that holds `position`, or -1. */
export function sentenceAt(sentences: readonly TextSpan[], position: number): number {
  return sentences.findIndex((sentence) => sentence.start <= position && position < sentence.end);
}
