import type { StaffProfile } from '../staff/staff-profile';
import type { Student } from '../students/student';
import { staffRef } from '../staff/staff-profile';
import { fullName } from '../students/student';
import { isOverdue, referralAgencyNames, type Referral } from './referral';

/** A referral as shown: names resolved now, and whether its response is overdue. */
export function referralView(referral: Referral, now: Date, pupils: ReadonlyMap<string, Student>, staff: ReadonlyMap<string, StaffProfile>) {
  const staffShown = (staffId: string) => staffRef(staffId, staff.get(staffId));
  const pupil = pupils.get(referral.studentId);
  return {
    id: referral.id,
    incidentId: referral.incidentId,
    student: { id: referral.studentId, name: pupil ? fullName(pupil) : 'Unknown pupil' },
    agency: referral.agency,
    agencyName: referral.agencyName ?? referralAgencyNames[referral.agency],
    madeAt: referral.madeAt,
    madeBy: staffShown(referral.madeBy),
    ...(referral.reference ? { reference: referral.reference } : {}),
    responseDueAt: referral.responseDueAt,
    state: referral.state,
    overdue: isOverdue(referral, now),
    ...(referral.acknowledgedAt ? { acknowledgedAt: referral.acknowledgedAt } : {}),
    ...(referral.outcome ? { outcome: { at: referral.outcome.at, text: referral.outcome.text, recordedBy: staffShown(referral.outcome.recordedBy) } } : {}),
    recordedAt: referral.recordedAt,
  };
}

/** Staff ids a referral names. */
export function staffNamedBy(referral: Referral): string[] {
  return [referral.madeBy, referral.recordedBy, ...(referral.outcome ? [referral.outcome.recordedBy] : [])];
}
