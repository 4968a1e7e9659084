/**
 * A referral to another agency, made from an incident (Working Together 2023; KCSIE: the
 * DSL refers to children's social care, and chases a decision that has not come).
 */
export const referralAgencies = ['childrens_social_care', 'early_help', 'police', 'camhs', 'prevent', 'lado', 'other'] as const;
export type ReferralAgency = (typeof referralAgencies)[number];

export const referralAgencyNames: Readonly<Record<ReferralAgency, string>> = {
  childrens_social_care: "Children's social care / MASH",
  early_help: 'Early help',
  police: 'Police',
  camhs: 'CAMHS',
  prevent: 'Prevent / Channel',
  lado: 'LADO',
  other: 'Other',
};

/** made → acknowledged → outcome; an outcome may also come without an acknowledgement. */
export type ReferralState = 'made' | 'acknowledged' | 'outcome';

export interface Referral {
  readonly id: string;
  readonly incidentId: string;
  /** The incident's pupil, which never changes: the audit trail finds the referral by them. */
  readonly studentId: string;
  readonly agency: ReferralAgency;
  /** Which agency, when `other`. */
  readonly agencyName?: string;
  /** When the referral was made (it may have been by phone before it was recorded). */
  readonly madeAt: string;
  readonly madeBy: string;
  readonly reference?: string;
  /** When the agency's response is due, from the school's timescales. */
  readonly responseDueAt: string;
  readonly state: ReferralState;
  readonly acknowledgedAt?: string;
  readonly outcome?: { readonly at: string; readonly text: string; readonly recordedBy: string };
  readonly recordedBy: string;
  readonly recordedAt: string;
  /** Set once the DSLs were alerted that the response is overdue. */
  readonly overdueAlertedAt?: string;
}

export function isOverdue(referral: Pick<Referral, 'state' | 'responseDueAt'>, now: Date): boolean {
  return referral.state !== 'outcome' && new Date(referral.responseDueAt).getTime() <= now.getTime();
}
