import type { PupilCandidate, PupilNames } from '../finding';
import { pupilRef } from '../../students/student';

export function candidateOf(pupil: PupilNames): PupilCandidate {
  return pupilRef(pupil.id, pupil);
}
