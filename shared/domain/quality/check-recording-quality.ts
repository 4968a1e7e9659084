import type { PreparedText, QualityContext, QualityFinding, QualityRule } from './finding';
import { prepareText } from './text/prepare-text';
import { timeliness } from './rules/timeliness';
import { emotiveLanguage } from './rules/emotive-language';
import { opinionWithoutEvidence } from './rules/opinion-without-evidence';
import { pupilInitials } from './rules/pupil-initials';
import { unlinkedPupil } from './rules/unlinked-pupil';
import { noFollowUp } from './rules/no-follow-up';
import { childVoiceMissing } from './rules/child-voice-missing';
import { vagueTime } from './rules/vague-time';
import { staffFirstName } from './rules/staff-first-name';

/** Every rule, in the order a reader meets the questions (seed 002's checklist). */
const qualityRules: readonly QualityRule[] = [timeliness, vagueTime, emotiveLanguage, opinionWithoutEvidence, pupilInitials, unlinkedPupil, staffFirstName, childVoiceMissing, noFollowUp];

/**
 * The recording-quality checker: deterministic, explainable, no I/O. The same text and
 * context always give the same findings, ordered by where they are in the text (findings
 * about the whole entry first).
 */
export function checkRecordingQuality(description: string, context: QualityContext): QualityFinding[] {
  return checkPreparedText(prepareText(description), context);
}

/** The checker over a description already prepared (the caller prepared it once for the roll lookup too). */
export function checkPreparedText(text: PreparedText, context: QualityContext): QualityFinding[] {
  const findings = qualityRules.flatMap((rule) => rule(text, context));
  return findings
    .map((finding, order) => ({ finding, order }))
    .sort((left, right) => (left.finding.span?.start ?? -1) - (right.finding.span?.start ?? -1) || left.order - right.order)
    .map(({ finding }) => finding);
}
