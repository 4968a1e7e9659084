import type { QualityRule } from '../finding';
import { matchesOf, phrasePattern } from '../text/phrase-pattern';

/**
 * Seed 002: "the correct date and time are included – time/date of the incident". Words
 * like "last week" mean nothing to a reader months later; the date and time field should
 * carry when it happened. A quote keeps the speaker's words as they were.
 */
const vague = phrasePattern([
  'last week',
  'the other day',
  'the other week',
  'a few days ago',
  'a couple of days ago',
  'some time ago',
  'a while ago',
  'a while back',
  'recently',
  'earlier this week',
  'last month',
  'at some point',
  'yesterday',
  'last night',
]);

export const vagueTime: QualityRule = (text) =>
  matchesOf(vague, text.text)
    .filter((match) => !text.isQuoted(match))
    .map((match) => ({
      rule: 'vague-time' as const,
      severity: 'advice' as const,
      span: { start: match.start, end: match.end },
      explanation: `“${match.text}” does not say when. Anyone reading this later cannot tell which day it means.`,
      fix: 'Put the date and time it happened in the date and time field, and in the text write the day or time itself (e.g. "on Tuesday 1 December at about 10:15").',
    }));
