import type { TextSpan } from '../finding';

/**
 * Words that may be people: capitalised words ("Ava", "O'Neill", "Mary-Jane"), and
 * initials ("JS", "J.S.", "J. S."). The roll lookup asks only about these.
 */
export interface WordAt extends TextSpan {
  readonly word: string;
}

const capitalisedWord = /(?<![\p{L}\p{N}'’])\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*(?![\p{L}\p{N}])/gu;
const initialsPattern = /(?<![\p{L}\p{N}.])(?:(?:\p{Lu}\.\s?){1,2}\p{Lu}\.?|\p{Lu}{2,3})(?![\p{L}\p{N}])/gu;

export function capitalisedWords(text: string): WordAt[] {
  return [...text.matchAll(capitalisedWord)].map((match) => {
    // "Ava’s coat" is about Ava.
    const word = match[0].replace(/['’]s$/u, '');
    return { word, start: match.index, end: match.index + word.length };
  });
}

/** Initials with their letters alone: "J.S." is `JS`. */
export interface InitialsAt extends WordAt {
  readonly letters: string;
}

export function initialsIn(text: string): InitialsAt[] {
  return [...text.matchAll(initialsPattern)].map((match) => {
    const word = match[0].replace(/\s+$/u, '');
    return { word, letters: word.replace(/[.\s]/gu, ''), start: match.index, end: match.index + word.length };
  });
}

/** People by forename, lower-cased: the name rules look a capitalised word up in it. */
export function groupByForename<T extends { readonly givenName: string }>(people: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const person of people) {
    const key = person.givenName.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), person]);
  }
  return groups;
}

/** The initials a pupil could be written as: forename and surname ("JS"); with a middle letter, any. */
export function initialsMatch(letters: string, pupil: { readonly givenName: string; readonly familyName: string }): boolean {
  const first = letters[0];
  const last = letters[letters.length - 1];
  return first === pupil.givenName[0]?.toUpperCase() && last === pupil.familyName[0]?.toUpperCase();
}
