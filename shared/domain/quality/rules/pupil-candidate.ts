import type { PupilCandidate, PupilNames } from '../finding';

export function candidateOf(pupil: PupilNames): PupilCandidate {
  return { id: pupil.id, name: `${pupil.givenName} ${pupil.familyName}`, yearGroup: pupil.yearGroup, className: pupil.className };
}
