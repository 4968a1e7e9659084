import type { Incident, IncidentAction } from '../../domain/incidents/incident';
import { timelineActionOf, timelineIncidentOf, timelineReferralOf, type TimelineFlagsChange, type TimelineIncident, type TimelineItem } from '../../domain/casework/timeline';
import type { SafeguardingVersion } from '../../domain/students/safeguarding-flags';
import type { Referral } from '../../domain/referrals/referral';
import { studentTimelineActionKey, studentTimelineFlagsKey, studentTimelineKey, studentTimelineReferralKey } from './keys';
import { withoutKeys } from './pagination';

const INCIDENT_TYPE = 'TimelineEntry';
const ACTION_TYPE = 'TimelineAction';
const FLAGS_TYPE = 'TimelineFlags';
const REFERRAL_TYPE = 'TimelineReferral';

/** The incident as it shows on one of its pupils' records. */
export function timelineIncidentItem(incident: Incident, studentId: string) {
  const entry = timelineIncidentOf(incident, studentId);
  return {
    ...studentTimelineKey(studentId, incident.occurredAt, incident.id),
    type: INCIDENT_TYPE,
    studentId,
    ...entry,
    // Only the subject's record carries the categories as theirs (DESIGN: they do not copy onto
    // linked pupils); `incidentCategoryIds` is what decides who may see the entry.
    categoryIds: entry.role === 'subject' ? entry.incidentCategoryIds : [],
  };
}

export function timelineActionItem(incident: Incident, action: IncidentAction, studentId: string) {
  return { ...studentTimelineActionKey(studentId, incident.occurredAt, incident.id, action.id), type: ACTION_TYPE, studentId, ...timelineActionOf(incident, action) };
}

export function timelineReferralItem(incident: Incident, referral: Referral, studentId: string) {
  return { ...studentTimelineReferralKey(studentId, incident.occurredAt, incident.id, referral.id), type: REFERRAL_TYPE, studentId, ...timelineReferralOf(incident, referral) };
}

export function timelineFlagsItem(change: SafeguardingVersion) {
  const entry: TimelineFlagsChange = { kind: 'flags', ...change };
  return { ...studentTimelineFlagsKey(change.studentId, change.at, change.version), type: FLAGS_TYPE, ...entry };
}

/** A stored timeline item as the domain reads it; entries written before `kind` existed are incidents. */
export function toTimelineItem(item: Record<string, unknown>): TimelineItem | undefined {
  if (item.type === ACTION_TYPE || item.type === FLAGS_TYPE || item.type === REFERRAL_TYPE) {
    const { studentId: _student, ...rest } = withoutKeys(item);
    return (item.type === FLAGS_TYPE ? { ...rest, studentId: item.studentId } : rest) as unknown as TimelineItem;
  }
  if (item.type !== INCIDENT_TYPE) return undefined;
  return {
    kind: 'incident',
    incidentId: String(item.incidentId),
    role: item.role as TimelineIncident['role'],
    occurredAt: String(item.occurredAt),
    recordedAt: String(item.recordedAt ?? item.occurredAt),
    authorId: String(item.authorId ?? ''),
    incidentCategoryIds: (item.incidentCategoryIds as string[] | undefined) ?? (item.categoryIds as string[] | undefined) ?? [],
    subCategoryIds: (item.subCategoryIds as string[] | undefined) ?? [],
    status: item.status === 'closed' ? 'closed' : 'active',
    summary: String(item.summary ?? ''),
    otherStudentIds: (item.otherStudentIds as string[] | undefined) ?? [],
  };
}
