import type { SchoolSession } from '../school/school-profile';
import type { DayOfWeek } from './school-session';
import type { QualityRuleId, QualitySeverity } from '../quality/finding';
import type { AuthoredIncidentSummary, ReminderSummary } from '../ports';
import type { AttachedFile } from '../files/stored-file';

export type LinkedStudentRole = 'involved' | 'witness' | 'victim' | 'alleged_perpetrator';
export type IncidentStatus = 'active' | 'closed';

export interface IncidentCategory {
  readonly categoryId: string;
  readonly subCategoryIds: readonly string[];
  readonly fields: Readonly<Record<string, string | number | readonly string[]>>;
}

export interface BodyMapMark {
  /** Numbered in the order drawn, so the description can refer to "mark 2". */
  readonly number: number;
  readonly side: 'front' | 'back';
  readonly x: number;
  readonly y: number;
  readonly description: string;
}

/**
 * A submitted incident. The description and the pupil never change once recorded
 * (seed 003: "YOU CANNOT EDIT THE INCIDENT ONCE IT IS SUBMITTED").
 */
export interface Incident {
  readonly id: string;
  readonly studentId: string;
  readonly linkedStudents: readonly { readonly studentId: string; readonly role: LinkedStudentRole }[];
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly dayOfWeek: DayOfWeek;
  readonly session: SchoolSession;
  readonly location?: string;
  readonly description: string;
  readonly categories: readonly IncidentCategory[];
  readonly bodyMap: readonly BodyMapMark[];
  readonly status: IncidentStatus;
  readonly authorId: string;
  readonly assignedTo: readonly string[];
  /** What the author chose: people and groups. */
  readonly alert: { readonly staffIds: readonly string[]; readonly groupIds: readonly string[] };
  /** Everyone alerted, groups expanded at the time of sending, author excluded. */
  readonly alertedStaffIds: readonly string[];
  readonly agencies: readonly string[];
  readonly reminder?: { readonly at: string; readonly note: string };
  /** Files attached when it was recorded (letters, minutes, saved emails, photos). */
  readonly files?: readonly AttachedFile[];
  readonly version: number;
  /**
   * The recording-quality findings still present when it was submitted (rule, severity,
   * span): for the school's own quality reporting, never shown to other staff.
   */
  readonly qualityFindings?: readonly StoredQualityFinding[];
  /** Set when a DSL has reviewed it (GET /v1/triage lists incidents without one). */
  readonly review?: IncidentReview;
  /** Why it was closed: required to close (the loop is closed on the record, seed 003). */
  readonly outcome?: string;
  /** Set when it was recorded from a police Operation Encompass notification: first on triage for that school day. */
  readonly encompass?: { readonly notificationId: string; readonly policeReference: string; readonly forSchoolDay: string };
}

export interface StoredQualityFinding {
  readonly rule: QualityRuleId;
  readonly severity: QualitySeverity;
  readonly start?: number;
  readonly end?: number;
}

export interface IncidentReview {
  readonly by: string;
  readonly at: string;
  readonly note?: string;
}

export interface IncidentAction {
  readonly id: string;
  readonly incidentId: string;
  readonly text: string;
  readonly authorId: string;
  readonly taggedStaffIds: readonly string[];
  readonly requestedStatus?: IncidentStatus;
  readonly files?: readonly AttachedFile[];
  readonly createdAt: string;
}

/** The pupils whose records show this incident: the subject and every linked pupil. */
export function studentsOf(incident: Pick<Incident, 'studentId' | 'linkedStudents'>): string[] {
  return [incident.studentId, ...incident.linkedStudents.map((linked) => linked.studentId)];
}

/** The author's dashboard entry for an incident: what "my recent incidents" lists. */
export function authoredSummaryOf(incident: Incident): AuthoredIncidentSummary {
  return {
    incidentId: incident.id,
    studentId: incident.studentId,
    occurredAt: incident.occurredAt,
    recordedAt: incident.recordedAt,
    categoryIds: incident.categories.map((category) => category.categoryId),
    status: incident.status,
  };
}

/** The author's planner entry for an incident's reminder. */
export function reminderSummaryOf(incident: Incident, reminder: NonNullable<Incident['reminder']>): ReminderSummary {
  return { incidentId: incident.id, studentId: incident.studentId, at: reminder.at, note: reminder.note };
}
