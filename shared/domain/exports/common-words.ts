/**
 * Forenames that are also everyday English words. Standing alone, "Hope", "Will" or "May"
 * may be a pupil or may be the word (a sentence can start with it), and a redaction pass that
 * blacked out every "Will" would make records unreadable and its redactions unexplainable.
 * So such a forename ALONE is never redacted automatically: the pass lists it as considered
 * and not proposed (the disclosure workbench shows it for the DSL to decide). The full name
 * ("Hope Williams"), and the pupil's name in a linked field, are always redacted.
 * Lower case; a maintained list: add to it when a school meets another.
 */
export const forenamesThatAreWords: ReadonlySet<string> = new Set([
  'amber', 'april', 'art', 'autumn', 'bill', 'bliss', 'bob', 'brook', 'candy', 'carol', 'chance', 'charity', 'chase', 'cherry', 'clay', 'cliff',
  'crystal', 'daisy', 'dale', 'dawn', 'dean', 'destiny', 'don', 'dot', 'drew', 'earl', 'eve', 'faith', 'fern', 'forest', 'frank', 'gene', 'ginger',
  'glen', 'grace', 'grant', 'guy', 'hazel', 'heath', 'heather', 'holly', 'honey', 'hope', 'hunter', 'iris', 'ivy', 'jack', 'jade', 'jasmine', 'jay',
  'jewel', 'joy', 'june', 'kit', 'lance', 'lily', 'mark', 'matt', 'may', 'melody', 'miles', 'misty', 'nick', 'olive', 'pansy', 'pat', 'pearl',
  'penny', 'poppy', 'ray', 'reed', 'rich', 'river', 'rob', 'robin', 'rose', 'ruby', 'rusty', 'sage', 'sky', 'skye', 'stone', 'storm', 'sue',
  'summer', 'sunny', 'violet', 'wade', 'will', 'willow', 'win', 'winter', 'wren',
]);

export const isEverydayWord = (forename: string) => forenamesThatAreWords.has(forename.toLowerCase());
