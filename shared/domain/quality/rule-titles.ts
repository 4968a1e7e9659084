import type { QualityRuleId } from './finding';

/** A short name for each rule, for the school's report and the README. */
export const ruleTitles: Readonly<Record<QualityRuleId, string>> = {
  timeliness: 'Written long after the incident',
  'emotive-language': 'Emotive or loaded language',
  'opinion-without-evidence': 'Opinion without evidence',
  'pupil-initials': 'Initials standing for a pupil',
  'unlinked-pupil': 'Pupil named but not linked',
  'no-follow-up': 'No action or follow-up recorded',
  'child-voice-missing': "No direct quote of the child's words",
  'vague-time': 'Vague time words',
  'staff-first-name': 'Staff named by first name only',
};
