import type { InitialsAt, WordAt } from './text/name-words';

/**
 * What the recording-quality checker says about a draft. It advises and never blocks
 * (issue 14): every finding names its rule, how much it matters, the text it is about
 * and what good recording would do instead (seeds 002 and 003).
 */
export const qualityRuleIds = [
  'timeliness',
  'emotive-language',
  'opinion-without-evidence',
  'pupil-initials',
  'unlinked-pupil',
  'no-follow-up',
  'child-voice-missing',
  'vague-time',
  'staff-first-name',
] as const;
export type QualityRuleId = (typeof qualityRuleIds)[number];

export type QualitySeverity = 'advice' | 'important';

/** Character offsets into the description: `start` inclusive, `end` exclusive (UTF-16, as the browser counts). */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** A pupil on the roll the finding may be about, shown only to the author who is writing. */
export interface PupilCandidate {
  readonly id: string;
  readonly name: string;
  readonly yearGroup: string;
  readonly className: string;
}

export interface QualityFinding {
  readonly rule: QualityRuleId;
  readonly severity: QualitySeverity;
  readonly span?: TextSpan;
  readonly explanation: string;
  readonly fix: string;
  /** Pupils on roll the words may stand for (initials, unlinked names). */
  readonly pupils?: readonly PupilCandidate[];
}

/** A pupil's names, as the checker compares them with the text. */
export interface PupilNames {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly yearGroup: string;
  readonly className: string;
}

export interface StaffNames {
  readonly givenName: string;
  readonly familyName: string;
}

/** The draft as the author has it now. */
export interface QualityDraft {
  readonly description: string;
  /** When it happened; absent means "now". */
  readonly occurredAt?: string;
  readonly categoryIds: readonly string[];
}

/** Everything the rules compare the draft with, gathered beforehand: the checker does no I/O. */
export interface QualityContext {
  /** When the draft says it happened (absent: now). */
  readonly draftOccurredAt?: string;
  readonly now: Date;
  readonly lateEntryHours: LateEntryHours;
  /** The chosen categories' ids and names (a disclosure-type category asks for the child's words). */
  readonly categories: readonly { readonly id: string; readonly name: string }[];
  /** The subject and linked pupils. */
  readonly onIncident: readonly PupilNames[];
  /** Pupils on roll whose forename is a word of the text, or whose initials are. */
  readonly roll: readonly PupilNames[];
  readonly staff: readonly StaffNames[];
}

/** Seed 002: "a timely log is created – information is added as soon as possible". Per school. */
export interface LateEntryHours {
  /** Advice once the entry is this many hours after the incident. */
  readonly advice: number;
  /** Important once it is this many hours after. */
  readonly important: number;
}

export const DEFAULT_LATE_ENTRY_HOURS: LateEntryHours = { advice: 24, important: 72 };

/** One rule: a pure function of the prepared text and the context. */
export type QualityRule = (text: PreparedText, context: QualityContext) => QualityFinding[];

/** The description with its quotes, sentences and name-like words found once, shared by the roll lookup and every rule. */
export interface PreparedText {
  readonly text: string;
  /** Direct quotes, quote marks included. */
  readonly quotes: readonly TextSpan[];
  readonly sentences: readonly TextSpan[];
  /** Capitalised words, in order: forenames the roll is asked about and the rules compare. */
  readonly words: readonly WordAt[];
  /** Initials ("JS", "J.S."), in order. */
  readonly initials: readonly InitialsAt[];
  isQuoted(span: TextSpan): boolean;
}
