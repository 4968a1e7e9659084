import type { QualityFinding, QualityRule } from '../finding';
import { matchesOf, phrasePattern } from '../text/phrase-pattern';
import { emotivePhrases } from './emotive-phrases';

/**
 * Seed 002: "appropriate and professional language … the avoidance of any form of
 * emotive/‘loaded’ language … unless directly quoting an individual". A child's or
 * parent's own words in quotation marks are never flagged.
 */
const insteadOf = new Map(emotivePhrases.flatMap((entry) => entry.phrases.map((phrase) => [normalise(phrase), entry.instead] as const)));
const pattern = phrasePattern(emotivePhrases.flatMap((entry) => entry.phrases));

export const emotiveLanguage: QualityRule = (text) =>
  matchesOf(pattern, text.text)
    .filter((match) => !text.isQuoted(match))
    .map((match): QualityFinding => ({
      rule: 'emotive-language',
      severity: 'important',
      span: { start: match.start, end: match.end },
      explanation: `“${match.text}” is emotive or loaded language. A court, Ofsted or a parent may read this record: keep to the facts (seed 002).`,
      fix: `Instead, ${insteadOf.get(normalise(match.text)) ?? 'describe what you saw and heard'}. If someone said it, quote them in quotation marks.`,
    }));

function normalise(phrase: string): string {
  return phrase.toLowerCase().replace(/[’‘]/gu, "'").replace(/\s+/gu, ' ');
}
