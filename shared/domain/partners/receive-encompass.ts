import type { Deps } from '../deps';
import type { PartnerCaller, StaffCaller } from '../identity/caller';
import type { Incident } from '../incidents/incident';
import type { Alert } from '../alerts/alert';
import type { DomainEvent, EncompassWrite } from '../ports';
import { DuplicateReferenceError } from '../ports';
import { buildAlerts } from '../alerts/alerts-for';
import { alertRaised, incidentRecorded } from '../events';
import { auditEvent, foundAbout, type RequestOrigin } from '../audit/audit-context';
import { mayBeSentIncidents } from '../permissions';
import { schoolClockAt, sessionOf } from '../incidents/school-session';
import { OPERATION_ENCOMPASS_CATEGORY_ID } from '../categories/default-categories';
import { emptySafeguarding, isCurrentFlag, type PupilSafeguarding, type SafeguardingVersion } from '../students/safeguarding-flags';
import type { Student } from '../students/student';
import { ConflictError, UnprocessableError } from '../../errors/lantern-error';
import { normalisedReference, type EncompassMatch, type EncompassNotification, type EncompassNotificationInput } from './encompass-notification';

type EncompassDeps = Pick<Deps, 'encompass' | 'students' | 'pupilFiles' | 'staff' | 'schoolProfile' | 'school' | 'clock' | 'ids' | 'logger'>;

/** Who an Encompass alert says it is from (the email names only this and the category). */
export const ENCOMPASS_AUTHOR_NAME = 'Operation Encompass (police)';
const CATEGORY_NAME = 'Operation Encompass';
/** School starts at this time or later; a notification before it is for the same day. */
const SCHOOL_DAY_STARTS = '08:30';

export interface ReceivedNotification {
  readonly notificationId: string;
  readonly policeReference: string;
  readonly receivedAt: string;
  /** False when this police reference had been received before: nothing new was written. */
  readonly created: boolean;
}

/** What answers the police: that it arrived, never whom it matched. */
const receiptOf = (notification: EncompassNotification, created: boolean): ReceivedNotification => ({
  notificationId: notification.id,
  policeReference: notification.policeReference,
  receivedAt: notification.receivedAt,
  created,
});

/**
 * Receives a police notification. The child is matched against the roll (UPN or NHS number
 * exactly, else forename, surname and date of birth); a single pupil found makes an
 * incident in the Operation Encompass category, sets the pupil's Operation Encompass flag,
 * alerts every DSL and the pupil's key adult, and puts it at the top of the triage list for
 * the next school day, all in one transaction with the notification, its police-reference
 * uniqueness item, the audit event and the outbox events. Ambiguous or no match waits for
 * a DSL to match it by hand. A police reference sent again returns the first receipt.
 */
export async function receiveEncompassNotification(deps: EncompassDeps, caller: PartnerCaller, input: EncompassNotificationInput, origin: RequestOrigin): Promise<ReceivedNotification> {
  const reference = normalisedReference(input.policeReference);
  const previous = await deps.encompass.byReference(reference);
  if (previous) return receiptOf(previous, false);

  const now = deps.clock.now();
  const found = await matchOnRoll(deps, input);
  const base: EncompassNotification = {
    ...input,
    policeReference: input.policeReference.trim(),
    id: deps.ids.next(),
    clientId: caller.clientId,
    receivedAt: now.toISOString(),
    forSchoolDay: nextSchoolDay(now, deps.school.timezone),
    status: 'unmatched',
  };
  const write = found.pupil
    ? await matchedWrite(deps, caller, { ...base, status: 'matched', match: found.by, studentId: found.pupil.id, matchedAt: base.receivedAt }, found.pupil, origin)
    : {
        notification: { ...base, unmatchedReason: found.reason },
        reference,
        audit: auditEvent(deps, caller, origin, { action: 'encompass.receive', recordType: 'encompass', recordId: base.id, detail: { outcome: found.reason } }),
        events: [],
      };
  try {
    await deps.encompass.receive(write);
  } catch (error) {
    // The same reference raced itself: the first one in answers both.
    if (error instanceof DuplicateReferenceError) {
      const first = await deps.encompass.byReference(reference);
      if (first) return receiptOf(first, false);
    }
    throw error;
  }
  deps.logger.info('encompass notification received', { notificationId: base.id, status: write.notification.status });
  return receiptOf(write.notification, true);
}

/** A DSL matches a notification the roll could not to a pupil: then it is recorded as if matched on arrival. */
export async function matchEncompassByHand(deps: EncompassDeps, caller: StaffCaller, notificationId: string, studentId: string, origin: RequestOrigin) {
  const subject = { action: 'encompass.match', recordType: 'encompass' as const, recordId: notificationId, studentIds: [studentId] };
  const [stored, pupil] = await Promise.all([deps.encompass.get(notificationId), deps.students.get(studentId)]);
  const notification = foundAbout(subject, stored, 'No such notification.');
  if (notification.status === 'matched') throw new ConflictError('This notification has been matched already.');
  if (pupil?.status !== 'on_roll') throw new UnprocessableError('There is no such pupil on roll.', 'studentId');
  const matched: EncompassNotification = { ...notification, status: 'matched', match: 'by_hand', studentId, matchedAt: deps.clock.now().toISOString(), matchedBy: caller.staffId };
  const { unmatchedReason: _reason, ...withoutReason } = matched;
  const write = await matchedWrite(deps, caller, withoutReason, pupil, origin);
  await deps.encompass.match(write);
  return { notification: viewOf(write.notification) };
}

/** The DSL's list: unmatched first (oldest waiting longest first), then the most recent matched. */
export async function listEncompassNotifications(deps: Pick<Deps, 'encompass' | 'audit' | 'clock' | 'ids'>, caller: StaffCaller, origin: RequestOrigin) {
  const { unmatched, matched } = await deps.encompass.list();
  const notifications = [...unmatched, ...matched];
  // The list shows the children's names the police sent: audited, found by each matched pupil.
  await deps.audit.record(
    auditEvent(deps, caller, origin, { action: 'encompass.list', recordType: 'encompass', recordId: 'encompass-notifications', studentIds: notifications.flatMap((each) => (each.studentId ? [each.studentId] : [])) }),
  );
  return { notifications: notifications.map(viewOf) };
}

export function viewOf(notification: EncompassNotification) {
  const { clientId: _clientId, ...shown } = notification;
  return shown;
}

type RollMatch = { readonly pupil: Student; readonly by: EncompassMatch; readonly reason?: undefined } | { readonly pupil?: undefined; readonly by?: undefined; readonly reason: 'no_match' | 'ambiguous' };

/** Exact identifier first (one GetItem on its lookup key), else name and date of birth (one Query on the recording-search key). */
export async function matchOnRoll(deps: Pick<Deps, 'students'>, input: EncompassNotificationInput): Promise<RollMatch> {
  const onRoll = (pupil: Student | undefined) => (pupil?.status === 'on_roll' ? pupil : undefined);
  if (input.child.upn) {
    const pupil = onRoll(await deps.students.byUpn(input.child.upn.trim().toUpperCase()));
    if (pupil) return { pupil, by: 'upn' };
  }
  if (input.child.nhsNumber) {
    const pupil = onRoll(await deps.students.byNhsNumber(input.child.nhsNumber.replace(/\s+/g, '')));
    if (pupil) return { pupil, by: 'nhs_number' };
  }
  const same = (left: string, right: string) => left.trim().toLowerCase() === right.trim().toLowerCase();
  const candidates = await deps.students.search(input.child.familyName.trim(), 50);
  const named = candidates.filter((candidate) => same(candidate.familyName, input.child.familyName) && same(candidate.givenName, input.child.givenName));
  const pupils = named.length === 0 ? new Map<string, Student>() : await deps.students.getMany(named.map((candidate) => candidate.id));
  const matching = [...pupils.values()].filter((pupil) => pupil.status === 'on_roll' && pupil.dateOfBirth === input.child.dateOfBirth);
  if (matching.length === 1) return { pupil: matching[0]!, by: 'name_and_date_of_birth' };
  return { reason: matching.length === 0 ? 'no_match' : 'ambiguous' };
}

/** The school day a DSL acts on: today if it is a weekday and school has not started, else the next weekday. */
export function nextSchoolDay(now: Date, timeZone: string): string {
  const clock = schoolClockAt(now, timeZone);
  const weekend = (weekday: string) => weekday === 'Saturday' || weekday === 'Sunday';
  if (!weekend(clock.weekday) && `${clock.hour}:${clock.minute}` < SCHOOL_DAY_STARTS) return `${clock.year}-${clock.month}-${clock.day}`;
  // Step a day at a time at midday UTC-ish of the school date, so clock changes never skip one.
  let day = new Date(Date.UTC(Number(clock.year), Number(clock.month) - 1, Number(clock.day), 12));
  do {
    day = new Date(day.getTime() + 24 * 3_600_000);
  } while (weekend(day.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' })));
  return day.toISOString().slice(0, 10);
}

/** The incident the notification becomes, with its alerts, flag, audit and events. */
async function matchedWrite(deps: EncompassDeps, caller: PartnerCaller | StaffCaller, notification: EncompassNotification, pupil: Student, origin: RequestOrigin): Promise<EncompassWrite> {
  const [profile, staff, stored] = await Promise.all([deps.schoolProfile.get(), deps.staff.list(), deps.pupilFiles.safeguarding(pupil.id)]);
  const safeguarding = stored ?? emptySafeguarding(pupil.id);
  const occurredAt = new Date(notification.occurredAt);
  const session = sessionOf(occurredAt, deps.school.timezone, profile.timetable);
  const authorId = `partner:${notification.clientId}`;
  const incident: Incident = {
    id: deps.ids.next(),
    studentId: pupil.id,
    linkedStudents: [],
    occurredAt: occurredAt.toISOString(),
    recordedAt: notification.matchedAt ?? notification.receivedAt,
    dayOfWeek: session.dayOfWeek,
    session: session.session,
    description: describe(notification),
    categories: [{ categoryId: OPERATION_ENCOMPASS_CATEGORY_ID, subCategoryIds: [], fields: {} }],
    bodyMap: [],
    status: 'active',
    authorId,
    assignedTo: [],
    alert: { staffIds: [], groupIds: [] },
    alertedStaffIds: [],
    agencies: ['Police'],
    version: 1,
    encompass: { notificationId: notification.id, policeReference: notification.policeReference, forSchoolDay: notification.forSchoolDay },
  };
  // Every DSL, and the pupil's key adult, at once.
  const active = staff.filter(mayBeSentIncidents);
  const recipients = [...new Set([...active.filter((member) => member.groups.includes('dsl')).map((member) => member.id), ...(safeguarding.keyAdultStaffId && active.some((member) => member.id === safeguarding.keyAdultStaffId) ? [safeguarding.keyAdultStaffId] : [])])];
  const withRecipients: Incident = { ...incident, alertedStaffIds: recipients };
  const alerts: Alert[] = buildAlerts(deps.ids, recipients, {
    incidentId: incident.id,
    kind: 'incident',
    authorId,
    authorName: ENCOMPASS_AUTHOR_NAME,
    categoryNames: [CATEGORY_NAME],
    studentId: pupil.id,
    createdAt: withRecipients.recordedAt,
  });
  const flag = flagged(safeguarding, withRecipients, notification, authorId);
  const events: DomainEvent[] = [incidentRecorded(deps.ids, withRecipients), ...alerts.map((alert) => alertRaised(deps.ids, alert))];
  return {
    notification: { ...notification, incidentId: incident.id },
    reference: normalisedReference(notification.policeReference),
    incident: withRecipients,
    alerts,
    ...(flag ? { safeguarding: flag } : {}),
    audit: auditEvent(deps, caller, origin, { action: caller.kind === 'partner' ? 'encompass.receive' : 'encompass.match', recordType: 'encompass', recordId: notification.id, studentIds: [pupil.id], detail: { incidentId: incident.id, match: notification.match ?? '' } }),
    events,
  };
}

/** The pupil's Operation Encompass flag from the incident's date, unless one is current already. */
function flagged(current: PupilSafeguarding, incident: Incident, notification: EncompassNotification, by: string): EncompassWrite['safeguarding'] {
  const date = incident.occurredAt.slice(0, 10);
  if (current.flags.some((flag) => flag.kind === 'operation_encompass' && isCurrentFlag(flag, date))) return undefined;
  const flags = [...current.flags, { kind: 'operation_encompass' as const, startDate: date, reason: `Operation Encompass notification, police reference ${notification.policeReference}` }];
  const next: PupilSafeguarding = { ...current, flags, version: current.version + 1, updatedAt: incident.recordedAt, updatedBy: by };
  const shape = (record: PupilSafeguarding) => ({ flags: record.flags, ...(record.keyAdultStaffId ? { keyAdultStaffId: record.keyAdultStaffId } : {}), ...(record.nhsNumber ? { nhsNumber: record.nhsNumber } : {}) });
  const change: SafeguardingVersion = { studentId: current.studentId, version: next.version, at: incident.recordedAt, by, reason: 'Operation Encompass notification', before: shape(current), after: shape(next) };
  return { record: next, change, expectedVersion: current.version };
}

/** The incident's text: what the police sent, in the order a DSL reads it. */
function describe(notification: EncompassNotification): string {
  return [
    `Operation Encompass notification from the police, reference ${notification.policeReference}.`,
    `The incident happened at ${notification.occurredAt} at ${notification.location}.`,
    `The child was ${notification.childPresent ? '' : 'not '}present.`,
    `What the child said or saw: ${notification.childVoice}`,
    `Circumstances: ${notification.circumstances}`,
  ].join('\n');
}
