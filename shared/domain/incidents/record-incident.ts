import type { Deps } from '../deps';
import { assertFitsOneRecord } from './incident-size';
import type { StaffCaller } from '../identity/caller';
import type { NewIncident } from '../../schemas/incidents';
import { studentsOf, type Incident } from './incident';
import type { IdempotencyRecord } from '../ports';
import { IdempotencyKeyTakenError } from '../ports';
import { ConflictError, UnprocessableError, ValidationError } from '../../errors/lantern-error';
import { resolveOccurredAt } from './occurred-at';
import { sessionOf } from './school-session';
import { validateCategoryChoices } from '../categories/validate-choices';
import { buildAlerts, recipientsOf } from '../alerts/alerts-for';
import { displayName } from '../staff/staff-profile';
import { auditEvent, refusingAbout, type RequestOrigin } from '../audit/audit-context';
import { alertRaised, incidentRecorded, reminderRequested } from '../events';
import type { Student } from '../students/student';
import { mayBeSentIncidents } from '../permissions';
import { requestDigest } from './request-digest';
import { loadIncidentView, type IncidentViewModel } from './incident-view';
import type { QualityFinding } from '../quality/finding';
import { checkPreparedText } from '../quality/check-recording-quality';
import { prepareText } from '../quality/text/prepare-text';
import { lookUpRoll, qualityContextOf } from '../quality/gather-quality-context';
import { recordedQuality, storedFindings } from '../quality/findings-at-submission';
import { describeStoredFinding } from '../quality/describe-stored-finding';
import { attachableFiles } from '../files/attach-files';
import { attachedFileOf } from '../files/stored-file';

/**
 * One DynamoDB transaction holds at most 100 items. The worst case is exactly 100: idempotency,
 * incident, a timeline entry and an audit entry for the pupil and each of 30 linked pupils
 * (the answer shows every one of them, so the write is found under each), 28 alerts, the
 * author's dashboard entry, a reminder entry and an attach of each of 5 files
 * (MAX_ATTACHMENTS) — leaving one item for the event outbox.
 */
export const MAX_RECIPIENTS = 28;
const IDEMPOTENCY_HOURS = 24;
const ONE_YEAR_MS = 366 * 24 * 60 * 60_000;

export interface RecordOptions extends RequestOrigin {
  readonly idempotencyKey?: string;
}

export interface RecordResult {
  readonly incident: IncidentViewModel;
  /** The recording-quality findings still present at submission: for the author only. */
  readonly qualityFindings: readonly QualityFinding[];
  /** False when an Idempotency-Key replay returned the incident recorded before. */
  readonly created: boolean;
}

/**
 * Records a concern exactly as submitted (seeds 000, 001, 003, 004 "Add Incident"): the
 * incident, its place on each pupil's record, one alert per recipient, the idempotency
 * record, the audit event and the events it raises (IncidentRecorded, an AlertRaised per
 * recipient, ReminderRequested for a planner reminder) commit together, so an incident is
 * never saved without its emails and reminder on their way, nor they without it. The
 * table's stream delivers the events to the bus (shared/outbox/).
 */

/** What recording touches: the record stores (its events go in the same transaction) and the audit trail. */
type RecordingDeps = Pick<
  Deps,
  'incidents' | 'alerts' | 'students' | 'staff' | 'categories' | 'alertGroups' | 'schoolProfile' | 'audit' | 'school' | 'clock' | 'ids' | 'logger' | 'fileRecords' | 'files'
>;

export async function recordIncident(deps: RecordingDeps, caller: StaffCaller, input: NewIncident, options: RecordOptions): Promise<RecordResult> {
  const now = deps.clock.now();
  const requestHash = requestDigest(input);
  // Every read a create needs (the quality checker's roll lookup too), started together with
  // the idempotency lookup: none depends on another, and all only read, so a replay that wins
  // simply leaves their answers unused. Their results are checked in the same order as
  // before, so the same error wins.
  const text = prepareText(input.description);
  const reads = Promise.all([
    deps.schoolProfile.get(),
    deps.categories.list(),
    deps.alertGroups.list(),
    deps.staff.list(),
    deps.students.getMany([input.studentId, ...input.linkedStudents.map((linked) => linked.studentId)]),
    lookUpRoll(deps, text),
  ]);
  reads.catch(() => undefined); // awaited below; only a rejection after a replay answered is dropped
  if (options.idempotencyKey) {
    const replay = await replayIfRecorded(deps, caller, options.idempotencyKey, requestHash, now, options);
    if (replay) return replay;
  }

  const occurredAt = resolveOccurredAt(input.occurredAt, now);
  const reminder = input.reminder ? { at: resolveReminderAt(input.reminder.at, now), note: input.reminder.note } : undefined;
  const [profile, catalogue, groups, staff, pupils, rollFound] = await reads;
  // Only active accounts in the staff group may be alerted or assigned (permissions: recordingGroup).
  const activeStaff = new Map(staff.filter(mayBeSentIncidents).map((member) => [member.id, member]));

  assertStudents(pupils, input);
  if (input.location !== undefined && !profile.locations.includes(input.location)) {
    throw new UnprocessableError(`"${input.location}" is not one of the school's locations.`, 'location');
  }
  // Applying a category one's role may not (Child Protection by a teacher) is a refused attempt: audit it.
  const { choices, categories } = refusingAbout(
    { action: 'incident.create', recordType: 'incident', recordId: 'new', studentIds: studentsOf(input) },
    () => validateCategoryChoices(caller, input.categories, catalogue),
  );
  assertStaff(activeStaff, input.assignedTo, 'assignedTo');
  assertStaff(activeStaff, input.alert.staffIds, 'alert.staffIds');
  input.alert.groupIds.forEach((groupId, index) => {
    if (!groups.some((group) => group.id === groupId)) throw new UnprocessableError(`There is no alert group "${groupId}".`, `alert.groupIds.${index}`);
  });
  const recipients = recipientsOf(caller.staffId, input.alert, groups, activeStaff);
  if (recipients.length > MAX_RECIPIENTS) {
    throw new UnprocessableError(`This would alert ${recipients.length} people; alert at most ${MAX_RECIPIENTS} and let them pass it on.`, 'alert');
  }

  // Advice, never a block: the findings still present are kept with the incident for the school's own reporting.
  const qualityContext = qualityContextOf(
    { description: input.description, occurredAt: occurredAt.toISOString(), categoryIds: choices.map((choice) => choice.categoryId), studentIds: studentsOf(input) },
    { profile, catalogue, staff, pupils, now },
    rollFound,
  );
  // The answer goes to the author; which pupils on the roll a word matched stays out of it.
  const qualityFindings = checkPreparedText(text, qualityContext).map(({ pupils: _pupils, ...finding }) => finding);

  const files = await attachableFiles(deps, caller, input.fileIds, 'fileIds');

  const session = sessionOf(occurredAt, deps.school.timezone, profile.timetable);
  const incident: Incident = {
    id: deps.ids.next(),
    studentId: input.studentId,
    linkedStudents: input.linkedStudents,
    occurredAt: occurredAt.toISOString(),
    recordedAt: now.toISOString(),
    dayOfWeek: session.dayOfWeek,
    session: session.session,
    ...(input.location !== undefined ? { location: input.location } : {}),
    description: input.description,
    categories: choices,
    bodyMap: input.bodyMap.map((mark, index) => ({ number: index + 1, ...mark })),
    status: input.status,
    authorId: caller.staffId,
    assignedTo: [...new Set(input.assignedTo)],
    alert: { staffIds: [...new Set(input.alert.staffIds)], groupIds: [...new Set(input.alert.groupIds)] },
    alertedStaffIds: recipients,
    agencies: input.agencies,
    ...(reminder ? { reminder: { at: reminder.at.toISOString(), note: reminder.note } } : {}),
    ...(files.length > 0 ? { files: files.map(attachedFileOf) } : {}),
    version: 1,
    qualityFindings: storedFindings(qualityFindings),
  };
  assertFitsOneRecord(incident);
  const alerts = buildAlerts(deps.ids, recipients, {
    incidentId: incident.id,
    kind: 'incident',
    authorId: caller.staffId,
    authorName: displayName(caller.profile),
    categoryNames: categories.map((category) => category.name),
    studentId: incident.studentId,
    createdAt: incident.recordedAt,
  });
  const idempotency: IdempotencyRecord | undefined = options.idempotencyKey
    ? {
        callerId: caller.staffId,
        key: options.idempotencyKey,
        requestHash,
        incidentId: incident.id,
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_HOURS * 3_600_000).toISOString(),
        alerts: alerts.map((alert) => ({ recipientId: alert.recipientId, alertId: alert.id })),
      }
    : undefined;
  // The answer shows the incident with every pupil's name: the write is found under each.
  const audit = auditEvent(deps, caller, options, { action: 'incident.create', recordType: 'incident', recordId: incident.id, studentIds: studentsOf(incident) });
  const reminderEvent = reminderRequested(deps.ids, incident);
  const events = [incidentRecorded(deps.ids, incident), ...alerts.map((alert) => alertRaised(deps.ids, alert)), ...(reminderEvent ? [reminderEvent] : [])];

  try {
    await deps.incidents.record({ incident, alerts, idempotency, audit, events, quality: recordedQuality(incident, qualityFindings, deps.school.timezone), attachFiles: files.map((file) => file.id) });
  } catch (error) {
    // A concurrent retry with the same key won the race: answer with its incident.
    if (error instanceof IdempotencyKeyTakenError && options.idempotencyKey) {
      const replay = await replayIfRecorded(deps, caller, options.idempotencyKey, requestHash, now, options);
      if (replay) return replay;
    }
    throw error;
  }

  deps.logger.info('incident recorded', { incidentId: incident.id, alerts: alerts.length });
  // Every name the view shows was read above: the pupils, and the author, assignees and alerted staff in the directory.
  const view = await loadIncidentView(deps, caller, { incident, actions: [], taggedStaffIds: new Set() }, { catalogue, alertGroups: groups, pupils, staff: new Map(staff.map((member) => [member.id, member])) });
  return { incident: view, qualityFindings, created: true };
}

async function replayIfRecorded(
  deps: Pick<RecordingDeps, 'incidents' | 'alerts' | 'students' | 'staff' | 'categories' | 'alertGroups' | 'audit' | 'clock' | 'ids' | 'fileRecords'>,
  caller: StaffCaller,
  key: string,
  requestHash: string,
  now: Date,
  origin: RequestOrigin,
): Promise<RecordResult | undefined> {
  const previous = await deps.incidents.findIdempotency(caller.staffId, key);
  // Local stand-ins do not delete expired items: an expired record counts as absent.
  if (!previous || new Date(previous.expiresAt).getTime() <= now.getTime()) return undefined;
  if (previous.requestHash !== requestHash) {
    throw new ConflictError('This Idempotency-Key was already used for a different incident. Use a new key for a new incident.');
  }
  const stored = await deps.incidents.get(previous.incidentId);
  if (!stored) return undefined;
  // Nothing to publish again: the first attempt's events committed with its incident.
  await deps.audit.record(
    auditEvent(deps, caller, origin, { action: 'incident.create.replayed', recordType: 'incident', recordId: stored.incident.id, studentIds: studentsOf(stored.incident) }),
  );
  return { incident: await loadIncidentView(deps, caller, stored), qualityFindings: (stored.incident.qualityFindings ?? []).map(describeStoredFinding), created: false };
}

function assertStudents(pupils: ReadonlyMap<string, Student>, input: NewIncident): void {
  const linkedIds = input.linkedStudents.map((linked) => linked.studentId);
  const subject = pupils.get(input.studentId);
  if (!subject) throw new UnprocessableError('There is no such pupil at this school.', 'studentId');
  // Seed 003: "do not add an incident to a child's name that has archived written next to it".
  if (subject.status === 'archived') throw new UnprocessableError('This pupil is archived; record against a pupil on roll.', 'studentId');
  const seen = new Set([input.studentId]);
  linkedIds.forEach((studentId, index) => {
    const field = `linkedStudents.${index}.studentId`;
    const pupil = pupils.get(studentId);
    if (!pupil) throw new UnprocessableError('There is no such pupil at this school.', field);
    if (pupil.status === 'archived') throw new UnprocessableError('This pupil is archived.', field);
    if (seen.has(studentId)) throw new UnprocessableError('This pupil is already on the incident.', field);
    seen.add(studentId);
  });
}

function assertStaff(activeStaff: ReadonlyMap<string, unknown>, staffIds: readonly string[], field: string): void {
  staffIds.forEach((staffId, index) => {
    if (!activeStaff.has(staffId)) throw new UnprocessableError('There is no such member of staff, or their account is disabled or not in the staff group.', `${field}.${index}`);
  });
}

function resolveReminderAt(at: string, now: Date): Date {
  const when = new Date(at);
  if (when.getTime() <= now.getTime()) throw ValidationError.forField('reminder.at', 'must be in the future');
  if (when.getTime() > now.getTime() + ONE_YEAR_MS) throw ValidationError.forField('reminder.at', 'must be within a year');
  return when;
}
