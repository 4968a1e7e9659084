import type { QualityRule } from '../finding';
import { matchesOf, phrasePattern } from '../text/phrase-pattern';
import { sentenceAt } from '../text/sentences';

/**
 * Seed 002: "professional interpretations should be backed up with evidence" (e.g. "The way
 * the child presented suggests they did not want to go home: they became tearful at home
 * time …"). An opinion is fine when the same sentence, after it, or the next sentence says
 * what was seen or heard.
 */
const opinion = phrasePattern(['I think', 'I feel', 'I believe', 'I reckon', 'I suspect', 'in my opinion', 'obviously', 'clearly', 'seems', 'seemed', 'it seems', 'appears to', 'appeared to']);
const evidence = /(?<![\p{L}])(?:because|since|as (?:he|she|they|I)|when|saw|seen|heard|said|says|told me|noticed|observed|became|showed|shown|presented|was (?:crying|shaking|tearful|shouting)|:)/iu;

export const opinionWithoutEvidence: QualityRule = (text) =>
  matchesOf(opinion, text.text)
    .filter((match) => !text.isQuoted(match))
    .filter((match) => {
      const index = sentenceAt(text.sentences, match.start);
      const sentence = text.sentences[index];
      const rest = sentence ? text.text.slice(match.end, sentence.end) : '';
      const next = text.sentences[index + 1];
      const following = next ? text.text.slice(next.start, next.end) : '';
      return !evidence.test(rest) && !evidence.test(following);
    })
    .map((match) => ({
      rule: 'opinion-without-evidence' as const,
      severity: 'advice' as const,
      span: { start: match.start, end: match.end },
      explanation: `“${match.text}” gives an opinion, but nothing after it says what was seen or heard. Without evidence a reader may take it as personal opinion (seed 002).`,
      fix: 'Back it with what you saw or heard, e.g. "…suggests they did not want to go home: they became tearful at home time and stayed at the back of the line."',
    }));
