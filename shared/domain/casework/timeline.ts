import type { Incident, IncidentAction, IncidentStatus, LinkedStudentRole } from '../incidents/incident';
import { studentsOf } from '../incidents/incident';
import type { SafeguardingVersion } from '../students/safeguarding-flags';
import type { Referral, ReferralAgency, ReferralState } from '../referrals/referral';

/** The pupil's part in an incident on their record. */
export type TimelineRole = 'subject' | LinkedStudentRole;

/**
 * What a pupil's record holds of each incident about them or linking them, kept in the
 * pupil's own partition so one Query reads a page of their chronology whatever the school holds.
 */
export interface TimelineIncident {
  readonly kind: 'incident';
  readonly incidentId: string;
  readonly role: TimelineRole;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly authorId: string;
  /** The incident's categories, which decide who may see it (for linked pupils too). */
  readonly incidentCategoryIds: readonly string[];
  readonly subCategoryIds: readonly string[];
  readonly status: IncidentStatus;
  /** The start of the description, so a chronology reads without opening every incident. */
  readonly summary: string;
  /** The other pupils on the incident, for "pupils most often linked". */
  readonly otherStudentIds: readonly string[];
}

/** An action on one of the pupil's incidents, slotted after its incident. */
export interface TimelineAction {
  readonly kind: 'action';
  readonly incidentId: string;
  readonly actionId: string;
  readonly occurredAt: string;
  readonly createdAt: string;
  readonly authorId: string;
  readonly text: string;
  readonly incidentCategoryIds: readonly string[];
}

/** A referral made from one of the pupil's incidents, slotted after its incident (and its actions). */
export interface TimelineReferral {
  readonly kind: 'referral';
  readonly incidentId: string;
  readonly referralId: string;
  readonly occurredAt: string;
  readonly agency: ReferralAgency;
  readonly agencyName?: string;
  readonly madeAt: string;
  readonly responseDueAt: string;
  readonly state: ReferralState;
  readonly reference?: string;
  readonly outcome?: { readonly at: string; readonly text: string };
  readonly incidentCategoryIds: readonly string[];
}

/** A change to the pupil's safeguarding flags; only DSLs see these. */
export interface TimelineFlagsChange extends SafeguardingVersion {
  readonly kind: 'flags';
}

export type TimelineItem = TimelineIncident | TimelineAction | TimelineReferral | TimelineFlagsChange;

export const SUMMARY_MAX_CHARS = 280;
export const summaryOf = (description: string) => (description.length > SUMMARY_MAX_CHARS ? `${description.slice(0, SUMMARY_MAX_CHARS - 1)}…` : description);

export interface ChronologyWindow {
  /** Inclusive; a date (YYYY-MM-DD) or a date-time. */
  readonly from?: string;
  readonly to?: string;
  readonly limit: number;
  readonly cursor?: string;
}

export interface TimelinePage {
  readonly items: readonly TimelineItem[];
  readonly nextCursor?: string;
}

/** The incident as it shows on one of its pupils' records. */
export function timelineIncidentOf(incident: Incident, studentId: string): TimelineIncident {
  const linked = incident.linkedStudents.find((candidate) => candidate.studentId === studentId);
  return {
    kind: 'incident',
    incidentId: incident.id,
    role: linked ? linked.role : 'subject',
    occurredAt: incident.occurredAt,
    recordedAt: incident.recordedAt,
    authorId: incident.authorId,
    incidentCategoryIds: incident.categories.map((category) => category.categoryId),
    subCategoryIds: incident.categories.flatMap((category) => category.subCategoryIds),
    status: incident.status,
    summary: summaryOf(incident.description),
    otherStudentIds: studentsOf(incident).filter((other) => other !== studentId),
  };
}

export function timelineActionOf(incident: Incident, action: IncidentAction): TimelineAction {
  return {
    kind: 'action',
    incidentId: incident.id,
    actionId: action.id,
    occurredAt: incident.occurredAt,
    createdAt: action.createdAt,
    authorId: action.authorId,
    text: action.text,
    incidentCategoryIds: incident.categories.map((category) => category.categoryId),
  };
}

export function timelineReferralOf(incident: Incident, referral: Referral): TimelineReferral {
  return {
    kind: 'referral',
    incidentId: incident.id,
    referralId: referral.id,
    occurredAt: incident.occurredAt,
    agency: referral.agency,
    ...(referral.agencyName ? { agencyName: referral.agencyName } : {}),
    madeAt: referral.madeAt,
    responseDueAt: referral.responseDueAt,
    state: referral.state,
    ...(referral.reference ? { reference: referral.reference } : {}),
    ...(referral.outcome ? { outcome: { at: referral.outcome.at, text: referral.outcome.text } } : {}),
    incidentCategoryIds: incident.categories.map((category) => category.categoryId),
  };
}
