import type { TextSpan } from '../finding';

/**
 * Direct quotes in a description: straight or curly, double or single. A single quote
 * opens only after a space, an opening bracket or a dash, and closes only before a space,
 * punctuation or the end, so an apostrophe ("don't", "we’d", "Derek’s") is never a quote.
 * A quote left open ends at the end of its paragraph.
 */
const opensDouble = new Set(['“', '„']);
const closesDouble = new Set(['”']);
const singleMarks = new Set(["'", '‘', '’']);
const isWordCharacter = (character: string | undefined) => character !== undefined && /[\p{L}\p{N}]/u.test(character);
const isSpace = (character: string | undefined) => character === undefined || /\s/u.test(character);
const mayPrecedeOpening = (character: string | undefined) => isSpace(character) || (character !== undefined && '([{–—-:;,"“'.includes(character));

export function quotedRanges(text: string): TextSpan[] {
  const ranges: TextSpan[] = [];
  let open: { start: number; kind: 'double' | 'single' } | undefined;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (character === '\n' && open && text[index + 1] === '\n') {
      ranges.push({ start: open.start, end: index });
      open = undefined;
      continue;
    }
    if (open?.kind === 'double') {
      if (character === '"' || closesDouble.has(character)) {
        ranges.push({ start: open.start, end: index + 1 });
        open = undefined;
      }
      continue;
    }
    if (open?.kind === 'single') {
      const closing = (character === "'" || character === '’') && !isSpace(text[index - 1]) && !isWordCharacter(text[index + 1]);
      if (closing) {
        ranges.push({ start: open.start, end: index + 1 });
        open = undefined;
      }
      continue;
    }
    if (character === '"' || opensDouble.has(character)) {
      open = { start: index, kind: 'double' };
    } else if (singleMarks.has(character) && character !== '’' && mayPrecedeOpening(text[index - 1]) && !isSpace(text[index + 1])) {
      open = { start: index, kind: 'single' };
    }
  }
  if (open) ranges.push({ start: open.start, end: text.length });
  return ranges;
}

/** True when the span lies wholly inside one of the (ordered) ranges. */
export function isInside(ranges: readonly TextSpan[], span: TextSpan): boolean {
  for (const range of ranges) {
    if (range.start > span.start) return false;
    if (span.end <= range.end) return true;
  }
  return false;
}
