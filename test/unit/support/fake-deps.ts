import { ConflictError } from '../../../shared/errors/lantern-error';
import type { Deps, SchoolSettings } from '../../../shared/domain/deps';
import {
  IdempotencyKeyTakenError,
  StaleVersionError,
  type IncidentCasework,
  type IncidentChangeWrite,
  type IncidentListEntry,
  type IncidentListFilter,
  type PageRequest,
  type ReferralChangeWrite,
  type ReferralCheckScheduler,
  type ReferralStore,
  type ReferralWrite,
  NOTIFICATION_LEASE_MINUTES,
  type NotificationClaim,
  type ActionWrite,
  type AlertGroupDirectory,
  type AlertPage,
  type AlertStore,
  type AuditSearch,
  type AuditTrail,
  type CategoryCatalogue,
  type Clock,
  type DomainEvent,
  type FileStore,
  type FileQuarantine,
  type FileRecordStore,
  type PresignedUpload,
  type IdempotencyRecord,
  type AuthoredIncidentSummary,
  type ReminderSummary,
  type IdGenerator,
  type IdentityProvider,
  type IncidentStore,
  type IncidentWrite,
  type MonthQualityEntry,
  type Mailer,
  type NewStaffAccount,
  type NotificationLedger,
  type OutgoingEmail,
  type ReminderDueDetail,
  type ReminderScheduler,
  type SchoolProfileSource,
  type StaffDirectory,
  type StoredFile,
  type StoredIncident,
  type StudentDirectory,
  type StudentSummary,
  type FoundStudent,
} from '../../../shared/domain/ports';
import type { Alert, AlertGroup } from '../../../shared/domain/alerts/alert';
import type { AuditEvent } from '../../../shared/domain/audit/audit-event';
import { FINISHED_STATUSES, RollChangedError, type ImportStatus, type PupilImport, type PupilImportStore } from '../../../shared/domain/students/import/pupil-import';
import { samePupil, type PupilWrite } from '../../../shared/domain/students/import/plan-import';
import type { FileAttachment, ScanState, StoredFileRecord } from '../../../shared/domain/files/stored-file';
import type { Category } from '../../../shared/domain/categories/category';
import { defaultCategories } from '../../../shared/domain/categories/default-categories';
import { authoredSummaryOf, reminderSummaryOf, type Incident, type IncidentAction } from '../../../shared/domain/incidents/incident';
import { defaultSchoolProfile, type SchoolProfile } from '../../../shared/domain/school/school-profile';
import type { StaffProfile } from '../../../shared/domain/staff/staff-profile';
import type { Student } from '../../../shared/domain/students/student';
import { InMemoryPupilFileStore, InMemoryReportStore } from './casework-fakes';
import { InMemoryEncompassStore } from './encompass-fakes';
import type { SignInRecord } from '../../../shared/domain/identity/sign-in-evidence';
import type { IncidentVersion } from '../../../shared/domain/casework/incident-version';
import type { Referral } from '../../../shared/domain/referrals/referral';
import { listEntryOf } from '../../../shared/domain/casework/incident-list-entry';
import { initialsMatch } from '../../../shared/domain/quality/text/name-words';
import { recordingLogger } from './recording-logger';
import { TOKEN_EVENT_ID } from './api-event';

/**
 * In-memory implementations of every port in `shared/domain/ports.ts`. Each records what
 * the domain sent to it, so a test can assess the effect without any AWS client.
 */
export class FixedClock implements Clock {
  constructor(private current: Date = new Date('2025-01-15T10:00:00.000Z')) {}

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(moment: Date | string): void {
    this.current = new Date(moment);
  }

  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

/** Stores whose writes carry an audit event; `fakeDeps` points them all at one trail. */
abstract class AuditedStore {
  audit: RecordingAuditTrail = new RecordingAuditTrail();

  useAuditTrail(trail: RecordingAuditTrail): void {
    this.audit = trail;
  }
}

export class InMemoryStaffDirectory extends AuditedStore implements StaffDirectory {
  readonly profiles = new Map<string, StaffProfile>();

  constructor(profiles: readonly StaffProfile[] = []) {
    super();
    for (const profile of profiles) this.profiles.set(profile.id, profile);
  }

  async get(staffId: string): Promise<StaffProfile | undefined> {
    return this.profiles.get(staffId);
  }

  async getMany(staffIds: readonly string[]): Promise<Map<string, StaffProfile>> {
    return pick(this.profiles, staffIds);
  }

  async list(): Promise<StaffProfile[]> {
    return [...this.profiles.values()].sort(bySurname);
  }

  async put(profile: StaffProfile): Promise<void> {
    this.profiles.set(profile.id, profile);
  }

  async save(profile: StaffProfile, audit: AuditEvent, options: { readonly expectedUpdatedAt?: string } = {}): Promise<void> {
    const stored = this.profiles.get(profile.id);
    if (options.expectedUpdatedAt && stored?.updatedAt !== options.expectedUpdatedAt) {
      throw new ConflictError('This account was changed by someone else just now. Reload it and try again.');
    }
    this.profiles.set(profile.id, profile);
    await this.audit.record(audit);
  }
}

/** Time-ordered ids shaped like ULIDs: later ids sort after earlier ones. */
export class SequentialIds implements IdGenerator {
  private count = 0;

  constructor(private readonly prefix = '01JHT0') {}

  next(): string {
    this.count += 1;
    return `${this.prefix}${String(this.count).padStart(26 - this.prefix.length, '0')}`;
  }
}

export class InMemoryStudentDirectory implements StudentDirectory {
  readonly students = new Map<string, Student>();

  constructor(students: readonly Student[] = []) {
    for (const student of students) this.students.set(student.id, student);
  }

  async get(studentId: string): Promise<Student | undefined> {
    return this.students.get(studentId);
  }

  async getMany(studentIds: readonly string[]): Promise<Map<string, Student>> {
    return pick(this.students, studentIds);
  }

  async withForenames(forenames: readonly string[]): Promise<StudentSummary[]> {
    const names = forenames.map((name) => name.toLowerCase());
    return this.onRoll().filter((student) => names.includes(student.givenName.toLowerCase()));
  }

  async withInitials(initials: readonly string[]): Promise<StudentSummary[]> {
    return this.onRoll().filter((student) => initials.some((letters) => initialsMatch(letters, student)));
  }

  private onRoll(): StudentSummary[] {
    return [...this.students.values()]
      .filter((student) => student.status === 'on_roll')
      .map(({ id, givenName, familyName, yearGroup, className }) => ({ id, givenName, familyName, yearGroup, className }));
  }

  async byUpn(upn: string): Promise<Student | undefined> {
    return [...this.students.values()].find((student) => student.upn.toUpperCase() === upn.toUpperCase());
  }

  /** NHS numbers live on the safeguarding record: tests set them here. */
  readonly nhsNumbers = new Map<string, string>();

  async byNhsNumber(nhsNumber: string): Promise<Student | undefined> {
    const studentId = this.nhsNumbers.get(nhsNumber);
    return studentId ? this.students.get(studentId) : undefined;
  }

  /** Like the search tokens: pupils on roll whose forename or surname starts with the prefix. */
  async search(prefix: string, limit: number): Promise<StudentSummary[]> {
    const found = await this.searchWithStatus(prefix, limit, { includeArchived: false });
    return found.map(({ status: _status, ...summary }) => summary);
  }

  /** The DSLs' search: like `search` with each pupil's status, and leavers too when asked. */
  async searchWithStatus(prefix: string, limit: number, options: { readonly includeArchived: boolean }): Promise<FoundStudent[]> {
    const wanted = prefix.toLowerCase();
    return [...this.students.values()]
      .filter((student) => student.status === 'on_roll' || options.includeArchived)
      .filter((student) => [student.givenName, student.familyName].some((name) => name.toLowerCase().startsWith(wanted)))
      .sort(bySurname)
      .slice(0, limit)
      .map(({ id, givenName, familyName, yearGroup, className, status }) => ({ id, givenName, familyName, yearGroup, className, status }));
  }
}

export class InMemoryCategoryCatalogue extends AuditedStore implements CategoryCatalogue {
  constructor(readonly categories: Category[] = [...defaultCategories]) {
    super();
  }

  async list(): Promise<Category[]> {
    return [...this.categories].sort((left, right) => left.order - right.order);
  }

  async save(category: Category, audit: AuditEvent): Promise<void> {
    replaceById(this.categories, category);
    await this.audit.record(audit);
  }
}

export class InMemoryAlertGroupDirectory extends AuditedStore implements AlertGroupDirectory {
  constructor(readonly groups: AlertGroup[] = []) {
    super();
  }

  async list(): Promise<AlertGroup[]> {
    return [...this.groups];
  }

  async save(group: AlertGroup, audit: AuditEvent): Promise<void> {
    replaceById(this.groups, group);
    await this.audit.record(audit);
  }

  async remove(groupId: string, audit: AuditEvent): Promise<void> {
    const index = this.groups.findIndex((group) => group.id === groupId);
    if (index >= 0) this.groups.splice(index, 1);
    await this.audit.record(audit);
  }
}

export class FixedSchoolProfile implements SchoolProfileSource {
  constructor(public profile: SchoolProfile = defaultSchoolProfile) {}

  async get(): Promise<SchoolProfile> {
    return this.profile;
  }
}

export class RecordingAuditTrail implements AuditTrail {
  readonly events: AuditEvent[] = [];

  async record(event: AuditEvent): Promise<void> {
    this.events.push(event);
  }

  /** Oldest first, `from`/`to` inclusive; the cursor is the id of the last event on a page. */
  async search(search: AuditSearch): Promise<{ events: AuditEvent[]; nextCursor?: string }> {
    const concerns = (event: AuditEvent) =>
      search.by === 'record' ? event.recordId === search.id : search.by === 'staff' ? event.staffId === search.id : (event.studentIds ?? []).includes(search.id);
    const ordered = this.events
      .filter(concerns)
      .filter((event) => (search.from === undefined || event.at >= search.from) && (search.to === undefined || event.at <= search.to))
      .sort((left, right) => left.at.localeCompare(right.at) || left.id.localeCompare(right.id));
    return pageOf(ordered, search, (event) => event.id, (events, nextCursor) => ({ events, ...(nextCursor ? { nextCursor } : {}) }));
  }
}

/** Alerts by recipient, newest first; the cursor is the id of the last alert on a page. */
export class InMemoryAlertStore extends AuditedStore implements AlertStore {
  readonly alerts = new Map<string, Alert>();

  add(alerts: readonly Alert[]): void {
    for (const alert of alerts) this.alerts.set(alert.id, alert);
  }

  async list(recipientId: string, options: { unreadOnly: boolean; limit: number; cursor?: string }): Promise<AlertPage> {
    const matching = [...this.alerts.values()]
      .filter((alert) => alert.recipientId === recipientId)
      .filter((alert) => !options.unreadOnly || alert.readAt === undefined)
      .filter((alert) => options.cursor === undefined || alert.id < options.cursor)
      .sort((left, right) => (left.id < right.id ? 1 : -1));
    const alerts = matching.slice(0, options.limit);
    const last = alerts[alerts.length - 1];
    return { alerts, ...(matching.length > alerts.length && last ? { nextCursor: last.id } : {}) };
  }

  async get(recipientId: string, alertId: string): Promise<Alert | undefined> {
    const alert = this.alerts.get(alertId);
    return alert?.recipientId === recipientId ? alert : undefined;
  }

  async mark(recipientId: string, alertId: string, change: { readAt: string; acknowledgedAt?: string }, audit: AuditEvent): Promise<Alert> {
    const alert = await this.get(recipientId, alertId);
    if (!alert) throw new Error(`No alert ${alertId} for ${recipientId}`);
    const updated: Alert = {
      ...alert,
      readAt: alert.readAt ?? change.readAt,
      ...(alert.acknowledgedAt ?? change.acknowledgedAt ? { acknowledgedAt: alert.acknowledgedAt ?? change.acknowledgedAt } : {}),
    };
    this.alerts.set(alertId, updated);
    await this.audit.record(audit);
    return updated;
  }
}

/**
 * Incidents with their actions; a write's alerts and audit event land in the alert store
 * and audit trail it shares with the other fakes, as one DynamoDB transaction would.
 */
export class InMemoryIncidentStore extends AuditedStore implements IncidentStore {
  /** Every incident held with its actions, as the pupil-file fake reads them. */
  async allStored(): Promise<StoredIncident[]> {
    return Promise.all([...this.incidents.keys()].map(async (id) => (await this.get(id))!));
  }

  readonly recorded: IncidentWrite[] = [];
  readonly actionsAppended: ActionWrite[] = [];
  /** Every event committed with a write, in commit order: what the stream relay would deliver. */
  readonly outbox: DomainEvent[] = [];
  private readonly incidents = new Map<string, { incident: Incident; actions: IncidentAction[]; taggedStaffIds: Set<string> }>();
  private readonly idempotency = new Map<string, IdempotencyRecord>();

  /** The file records a write attaches uploads in, when the test has any. */
  fileRecords?: InMemoryFileRecordStore;

  constructor(public alerts: InMemoryAlertStore = new InMemoryAlertStore()) {
    super();
  }

  async record(write: IncidentWrite): Promise<void> {
    // Like the table's condition: a key is taken unless absent or expired by the time of recording.
    const previous = write.idempotency && this.idempotency.get(idempotencyKey(write.idempotency));
    if (previous && previous.expiresAt >= write.incident.recordedAt) {
      throw new IdempotencyKeyTakenError('The idempotency key is already taken');
    }
    this.fileRecords?.attach(write.attachFiles ?? [], write.incident.authorId, { incidentId: write.incident.id });
    this.recorded.push(write);
    this.outbox.push(...write.events);
    this.incidents.set(write.incident.id, { incident: write.incident, actions: [], taggedStaffIds: new Set() });
    if (write.idempotency) this.idempotency.set(idempotencyKey(write.idempotency), write.idempotency);
    this.alerts.add(write.alerts);
    await this.audit.record(write.audit);
  }

  /** Like the month index on the author's entries: the counts of incidents recorded that month. */
  async entriesForMonth(month: string): Promise<MonthQualityEntry[]> {
    return this.recorded.filter((write) => write.quality?.month === month).map((write) => ({ counts: write.quality?.counts ?? {} }));
  }

  async get(incidentId: string): Promise<StoredIncident | undefined> {
    const stored = this.incidents.get(incidentId);
    return stored && { incident: stored.incident, actions: [...stored.actions], taggedStaffIds: new Set(stored.taggedStaffIds) };
  }

  async appendAction(write: ActionWrite): Promise<void> {
    const stored = this.incidents.get(write.action.incidentId);
    if (!stored) throw new Error(`No incident ${write.action.incidentId}`);
    this.fileRecords?.attach(write.attachFiles ?? [], write.action.authorId, { incidentId: write.action.incidentId, actionId: write.action.id });
    this.actionsAppended.push(write);
    this.outbox.push(...write.events);
    stored.actions.push(write.action);
    for (const staffId of write.newlyTaggedStaffIds) stored.taggedStaffIds.add(staffId);
    this.alerts.add(write.alerts);
    await this.audit.record(write.audit);
  }

  async findIdempotency(callerId: string, key: string): Promise<IdempotencyRecord | undefined> {
    return this.idempotency.get(idempotencyKey({ callerId, key }));
  }

  /** Every incident as it is now (for the casework fake). */
  all(): Incident[] {
    return [...this.incidents.values()].map(({ incident }) => incident);
  }

  /** Replaces the incident, as an UpdateItem on its item would; its actions and tags stay. */
  replace(incident: Incident): void {
    const stored = this.incidents.get(incident.id);
    if (!stored) throw new Error(`No incident ${incident.id}`);
    stored.incident = incident;
  }

  async listAuthored(authorId: string, limit: number): Promise<AuthoredIncidentSummary[]> {
    return [...this.incidents.values()]
      .map(({ incident }) => incident)
      .filter((incident) => incident.authorId === authorId)
      .sort((left, right) => (left.recordedAt < right.recordedAt ? 1 : -1))
      .slice(0, limit)
      .map(authoredSummaryOf);
  }

  async listReminders(ownerId: string, from: string, limit: number): Promise<ReminderSummary[]> {
    return [...this.incidents.values()]
      .map(({ incident }) => incident)
      .flatMap((incident) =>
        incident.authorId === ownerId && incident.reminder && incident.reminder.at >= from
          ? [reminderSummaryOf(incident, incident.reminder)]
          : [],
      )
      .sort((left, right) => (left.at < right.at ? -1 : 1))
      .slice(0, limit);
  }
}

/**
 * Versions, triage and lists over the incidents the incident fake holds; a change commits
 * the incident, its version, alerts and audit together, only at the expected version.
 */
export class InMemoryIncidentCasework extends AuditedStore implements IncidentCasework {
  readonly versions: IncidentVersion[] = [];
  readonly projected: IncidentListEntry[] = [];

  constructor(
    public incidents: InMemoryIncidentStore,
    public alerts: InMemoryAlertStore,
  ) {
    super();
  }

  async change(write: IncidentChangeWrite): Promise<void> {
    const current = await this.incidents.get(write.incident.id);
    if (!current || current.incident.version !== write.expectedVersion) throw new StaleVersionError(`Incident ${write.incident.id} is not version ${write.expectedVersion}`);
    this.incidents.replace(write.incident);
    this.versions.push(write.version);
    this.incidents.outbox.push(...write.events);
    this.alerts.add(write.alerts);
    await this.audit.record(write.audit);
  }

  async history(incidentId: string): Promise<IncidentVersion[]> {
    return this.versions.filter((version) => version.incidentId === incidentId).sort((left, right) => left.version - right.version);
  }

  async list(filter: IncidentListFilter, page: PageRequest): Promise<{ entries: IncidentListEntry[]; nextCursor?: string }> {
    const matching = this.incidents
      .all()
      .map(listEntryOf)
      .filter((entry) => filter.categoryId === undefined || entry.categoryIds.includes(filter.categoryId))
      .filter((entry) => filter.status === undefined || entry.status === filter.status)
      .filter((entry) => filter.assignedTo === undefined || entry.assignedTo.includes(filter.assignedTo))
      .filter((entry) => filter.reviewed === undefined || entry.reviewed === filter.reviewed)
      .filter((entry) => (filter.from === undefined || entry.occurredAt >= filter.from) && (filter.to === undefined || entry.occurredAt <= filter.to))
      .sort((left, right) => `${right.occurredAt}#${right.incidentId}`.localeCompare(`${left.occurredAt}#${left.incidentId}`));
    return pageOf(matching, page, (entry) => entry.incidentId, (entries, nextCursor) => ({ entries, ...(nextCursor ? { nextCursor } : {}) }));
  }

  async triage(page: PageRequest): Promise<{ incidents: Incident[]; nextCursor?: string }> {
    const waiting = this.incidents
      .all()
      .filter((incident) => incident.review === undefined)
      .sort((left, right) => `${left.recordedAt}#${left.id}`.localeCompare(`${right.recordedAt}#${right.id}`));
    return pageOf(waiting, page, (incident) => incident.id, (incidents, nextCursor) => ({ incidents, ...(nextCursor ? { nextCursor } : {}) }));
  }

  async project(entry: IncidentListEntry): Promise<'projected' | 'superseded'> {
    const current = await this.incidents.get(entry.incidentId);
    if (!current || current.incident.version !== entry.version) return 'superseded';
    this.projected.push(entry);
    return 'projected';
  }
}

/** Referrals by incident; open ones soonest due first; the cursor is the id of the last on a page. */
export class InMemoryReferralStore extends AuditedStore implements ReferralStore {
  readonly referrals = new Map<string, Referral>();

  constructor(public alerts: InMemoryAlertStore) {
    super();
  }

  /** Events committed with referral writes, in commit order. */
  readonly outbox: DomainEvent[] = [];

  async record(write: ReferralWrite): Promise<void> {
    this.referrals.set(write.referral.id, write.referral);
    this.outbox.push(...write.events);
    await this.audit.record(write.audit);
  }

  async update(write: ReferralChangeWrite): Promise<void> {
    if (this.referrals.get(write.referral.id)?.state !== write.expectedState) throw new StaleVersionError(`Referral ${write.referral.id} is not ${write.expectedState}`);
    this.referrals.set(write.referral.id, write.referral);
    this.outbox.push(...write.events);
    await this.audit.record(write.audit);
  }

  async get(incidentId: string, referralId: string): Promise<Referral | undefined> {
    const referral = this.referrals.get(referralId);
    return referral?.incidentId === incidentId ? referral : undefined;
  }

  async listForIncident(incidentId: string): Promise<Referral[]> {
    return [...this.referrals.values()].filter((referral) => referral.incidentId === incidentId).sort((left, right) => left.id.localeCompare(right.id));
  }

  async listOpen(options: PageRequest & { readonly dueBefore?: string }): Promise<{ referrals: Referral[]; nextCursor?: string }> {
    const open = [...this.referrals.values()]
      .filter((referral) => referral.state !== 'outcome')
      .filter((referral) => options.dueBefore === undefined || referral.responseDueAt <= options.dueBefore)
      .sort((left, right) => `${left.responseDueAt}#${left.id}`.localeCompare(`${right.responseDueAt}#${right.id}`));
    return pageOf(open, options, (referral) => referral.id, (referrals, nextCursor) => ({ referrals, ...(nextCursor ? { nextCursor } : {}) }));
  }

  async markOverdueAlerted(write: { readonly referral: Referral; readonly alerts: readonly Alert[]; readonly audit: AuditEvent; readonly events: readonly DomainEvent[] }): Promise<'alerted' | 'already-alerted'> {
    const stored = this.referrals.get(write.referral.id);
    if (!stored || stored.overdueAlertedAt) return 'already-alerted';
    this.referrals.set(write.referral.id, { ...stored, overdueAlertedAt: write.referral.overdueAlertedAt! });
    this.alerts.add(write.alerts);
    this.outbox.push(...write.events);
    await this.audit.record(write.audit);
    return 'alerted';
  }
}

export class RecordingReferralCheckScheduler implements ReferralCheckScheduler {
  readonly scheduled: { referralId: string; incidentId: string; at: Date }[] = [];

  async scheduleDueCheck(check: { readonly referralId: string; readonly incidentId: string; readonly at: Date }): Promise<'scheduled' | 'already-scheduled'> {
    return scheduleOnce(this.scheduled, check, (each) => each.referralId);
  }
}

/** As EventBridge Scheduler with schedules named by their subject: a second request for one is a no-op. */
function scheduleOnce<T extends object>(scheduled: T[], entry: T, nameOf: (entry: T) => string): 'scheduled' | 'already-scheduled' {
  if (scheduled.some((existing) => nameOf(existing) === nameOf(entry))) return 'already-scheduled';
  scheduled.push({ ...entry });
  return 'scheduled';
}

/** A page of `items` after the cursor (the id of the last item of the page before). */
function pageOf<T, R>(items: readonly T[], page: PageRequest, idOf: (item: T) => string, result: (items: T[], nextCursor?: string) => R): R {
  const start = page.cursor === undefined ? 0 : items.findIndex((item) => idOf(item) === page.cursor) + 1;
  const slice = items.slice(start, start + page.limit);
  const last = slice[slice.length - 1];
  return result(slice, start + slice.length < items.length && last ? idOf(last) : undefined);
}

/** Leases like the table's: a `sending` entry older than the lease may be claimed again. */
export class InMemoryNotificationLedger implements NotificationLedger {
  readonly entries = new Map<string, { status: 'sending' | 'sent'; claimedAt: string; sentAt?: string }>();

  async claim(notificationId: string, at: string): Promise<NotificationClaim> {
    const entry = this.entries.get(notificationId);
    const staleBefore = new Date(new Date(at).getTime() - NOTIFICATION_LEASE_MINUTES * 60_000).toISOString();
    if (entry?.status === 'sent') return 'sent';
    if (entry && entry.claimedAt >= staleBefore) return 'held';
    this.entries.set(notificationId, { status: 'sending', claimedAt: at });
    return 'claimed';
  }

  async markSent(notificationId: string, at: string): Promise<void> {
    const entry = this.entries.get(notificationId);
    this.entries.set(notificationId, { claimedAt: entry?.claimedAt ?? at, status: 'sent', sentAt: at });
  }

  async release(notificationId: string): Promise<void> {
    if (this.entries.get(notificationId)?.status === 'sending') this.entries.delete(notificationId);
  }
}

/** Like Scheduler with schedules named by reminder id: a second request for one is a no-op. */
export class RecordingReminderScheduler implements ReminderScheduler {
  readonly scheduled: { id: string; at: Date; detail: ReminderDueDetail }[] = [];

  async schedule(reminder: { readonly id: string; readonly at: Date; readonly detail: ReminderDueDetail }): Promise<'scheduled' | 'already-scheduled'> {
    return scheduleOnce(this.scheduled, reminder, (each) => each.id);
  }
}

export class RecordingMailer implements Mailer {
  readonly sent: OutgoingEmail[] = [];

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    this.sent.push(email);
    return { messageId: `message-${this.sent.length}` };
  }
}

export class InMemoryFileStore implements FileStore, FileQuarantine {
  readonly files = new Map<string, StoredFile>();
  readonly uploadsPresigned: { key: string; contentType: string; size: number; expiresInSeconds: number }[] = [];
  readonly downloadsPresigned: { key: string; contentType: string; fileName: string; expiresInSeconds: number }[] = [];
  readonly kept = new Set<string>();
  readonly quarantined: { from: string; to: string }[] = [];

  async put(file: StoredFile): Promise<void> {
    this.files.set(file.key, file);
  }

  async get(key: string): Promise<StoredFile | undefined> {
    return this.files.get(key);
  }

  async presignUpload(request: { key: string; contentType: string; size: number; expiresInSeconds: number }): Promise<PresignedUpload> {
    this.uploadsPresigned.push(request);
    return { method: 'PUT', url: `https://files.test/${encodeURIComponent(request.key)}`, headers: { 'content-type': request.contentType }, expiresAt: '2026-11-23T09:35:00.000Z' };
  }

  async presignDownload(request: { key: string; contentType: string; fileName: string; expiresInSeconds: number }): Promise<string> {
    this.downloadsPresigned.push(request);
    return `https://files.test/${encodeURIComponent(request.key)}?download`;
  }

  async readStart(key: string, bytes: number): Promise<Uint8Array | undefined> {
    return this.files.get(key)?.body.subarray(0, bytes);
  }

  /** Keys whose upload never arrived (most tests attach without sending bytes). */
  readonly neverUploaded = new Set<string>();

  async markKept(key: string): Promise<boolean> {
    if (this.neverUploaded.has(key) || this.quarantined.some((moved) => moved.from === key)) return false;
    this.kept.add(key);
    return true;
  }

  async quarantine(fromKey: string, toKey: string): Promise<void> {
    const file = this.files.get(fromKey);
    if (file) this.files.set(toKey, { ...file, key: toKey });
    this.files.delete(fromKey);
    this.quarantined.push({ from: fromKey, to: toKey });
  }
}

/** File records; attaching happens through the incident store, as in the one transaction. */
export class InMemoryFileRecordStore extends AuditedStore implements FileRecordStore {
  readonly records = new Map<string, StoredFileRecord>();

  async create(record: StoredFileRecord, audit: AuditEvent): Promise<void> {
    this.records.set(record.id, record);
    await this.audit.record(audit);
  }

  async get(fileId: string): Promise<StoredFileRecord | undefined> {
    return this.records.get(fileId);
  }

  async getMany(fileIds: readonly string[]): Promise<Map<string, StoredFileRecord>> {
    return pick(this.records, fileIds);
  }

  async settle(fileId: string, scan: Exclude<ScanState, 'pending'>, at: string, from: 'pending' | 'clean'): Promise<boolean> {
    const record = this.records.get(fileId);
    if (!record || record.scan !== from) return false;
    this.records.set(fileId, { ...record, scan, scannedAt: at });
    return true;
  }

  /** As the transaction's condition: only the uploader's, only once. */
  attach(fileIds: readonly string[], uploaderId: string, attachedTo: FileAttachment): void {
    for (const fileId of fileIds) {
      const record = this.records.get(fileId);
      if (!record || record.uploaderId !== uploaderId || record.attachedTo) throw new Error(`Attach of ${fileId} failed its condition`);
    }
    for (const fileId of fileIds) this.records.set(fileId, { ...this.records.get(fileId)!, attachedTo });
  }
}

export interface FakeAccount {
  readonly staffId: string;
  readonly account: NewStaffAccount;
  groups: string[];
  enabled: boolean;
}

/** Accounts keyed by username (the email address), as Cognito's admin API addresses them. */
export class InMemoryIdentityProvider implements IdentityProvider {
  readonly accounts = new Map<string, FakeAccount>();

  async createAccount(account: NewStaffAccount): Promise<{ staffId: string }> {
    if (this.accounts.has(account.email)) throw new Error(`An account already exists for ${account.email}`);
    const staffId = `00000000-0000-4000-8000-${String(this.accounts.size + 1).padStart(12, '0')}`;
    this.accounts.set(account.email, { staffId, account, groups: [...account.groups], enabled: true });
    return { staffId };
  }

  async setGroups(username: string, groups: readonly string[]): Promise<void> {
    this.accountFor(username).groups = [...groups];
  }

  async setEnabled(username: string, enabled: boolean): Promise<void> {
    this.accountFor(username).enabled = enabled;
  }

  /** Access tokens that began enrolment, with the secret issued to each. */
  readonly authenticatorSecrets = new Map<string, string>();
  /** Access tokens whose authenticator was confirmed. */
  readonly confirmedAuthenticators = new Set<string>();
  /** The code the fake authenticator app shows; any other code is a mismatch. */
  currentCode = '123456';

  async associateAuthenticator(accessToken: string): Promise<{ secret: string }> {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    this.authenticatorSecrets.set(accessToken, secret);
    return { secret };
  }

  async confirmAuthenticator(accessToken: string, code: string): Promise<boolean> {
    if (!this.authenticatorSecrets.has(accessToken) || code !== this.currentCode) return false;
    this.confirmedAuthenticators.add(accessToken);
    return true;
  }

  /** Staff ids whose TOTP was switched off in Cognito; everyone else keeps theirs. */
  readonly authenticatorsOff = new Set<string>();

  async hasAuthenticator(staffId: string): Promise<boolean> {
    return !this.authenticatorsOff.has(staffId);
  }

  /**
   * The sign-ins the user pool recorded, by staff id. Someone with none set answered a code
   * at the sign-in every test token names (`TOKEN_EVENT_ID`), so elevation rests on times alone.
   */
  readonly signIns = new Map<string, SignInRecord[]>();
  /** The `since` of every sign-in history asked for. */
  readonly signInQueries: { readonly staffId: string; readonly since: Date }[] = [];

  async signInsSince(staffId: string, since: Date): Promise<SignInRecord[]> {
    this.signInQueries.push({ staffId, since });
    const recorded = this.signIns.get(staffId) ?? [{ id: TOKEN_EVENT_ID, at: since, outcome: 'pass', passedPassword: true, passedAuthenticatorCode: true }];
    return recorded.filter((signIn) => signIn.at.getTime() >= since.getTime());
  }

  async findAccount(email: string): Promise<{ staffId: string } | undefined> {
    const account = this.accounts.get(email);
    return account ? { staffId: account.staffId } : undefined;
  }

  private accountFor(username: string): FakeAccount {
    const account = this.accounts.get(username);
    if (!account) throw new Error(`No account ${username}`);
    return account;
  }
}

/** Imports in memory, upserting the fake pupil directory as the roll. */
export class InMemoryPupilImportStore extends AuditedStore implements PupilImportStore {
  readonly imports = new Map<string, PupilImport>();
  readonly queuedEvents: DomainEvent[] = [];
  readonly batches: number[] = [];
  claim: { importId: string; at: string } | undefined;
  /** Set to make the next `apply` fail as if the roll changed under it. */
  failNextApply = false;

  constructor(private students: InMemoryStudentDirectory = new InMemoryStudentDirectory()) {
    super();
  }

  useStudents(students: InMemoryStudentDirectory): void {
    this.students = students;
  }

  async get(importId: string): Promise<PupilImport | undefined> {
    return this.imports.get(importId);
  }

  async create(record: PupilImport, audit: AuditEvent): Promise<void> {
    if (this.imports.has(record.id)) throw new ConflictError('exists');
    this.imports.set(record.id, record);
    await this.audit.record(audit);
  }

  async queue(record: PupilImport, event: DomainEvent, audit: AuditEvent): Promise<void> {
    if (this.imports.get(record.id)?.status !== 'awaiting_upload') throw new ConflictError('This import has already been started.');
    this.imports.set(record.id, record);
    this.queuedEvents.push(event);
    await this.audit.record(audit);
  }

  async update(record: PupilImport, expected: ImportStatus): Promise<void> {
    if (this.imports.get(record.id)?.status !== expected) throw new ConflictError(`The import is no longer ${expected}.`);
    this.imports.set(record.id, record);
  }

  async finish(record: PupilImport, audit: AuditEvent): Promise<boolean> {
    const current = this.imports.get(record.id);
    if (!current || FINISHED_STATUSES.includes(current.status)) return false;
    this.imports.set(record.id, record);
    await this.audit.record(audit);
    return true;
  }

  async claimRoll(importId: string, at: string, staleBefore: string): Promise<boolean> {
    if (this.claim && this.claim.importId !== importId && this.claim.at >= staleBefore) return false;
    this.claim = { importId, at };
    return true;
  }

  async rollHolder() {
    return this.claim;
  }

  async releaseRoll(importId: string): Promise<void> {
    if (this.claim?.importId === importId) this.claim = undefined;
  }

  async roll(): Promise<Student[]> {
    return [...this.students.students.values()];
  }

  async apply(writes: readonly PupilWrite[]): Promise<void> {
    if (this.failNextApply) {
      this.failNextApply = false;
      throw new RollChangedError();
    }
    const byUpn = new Map([...this.students.students.values()].map((student) => [student.upn, student]));
    for (const write of writes) {
      const now = byUpn.get(write.student.upn);
      if (write.previous ? !now || !samePupil(now, write.previous) : now) throw new RollChangedError();
    }
    for (const write of writes) this.students.students.set(write.student.id, write.student);
    this.batches.push(writes.length);
  }
}

export const testSchool: SchoolSettings = {
  id: 'castle-mead',
  name: 'Castle Mead Primary School',
  timezone: 'Europe/London',
  elevationWindowMinutes: 30,
  appBaseUrl: 'https://lantern.castlemead.example.sch.uk',
};

/** The ports of request functions and consumers; the outbox relay's (events, outbox) have their own fakes in test/unit/outbox. */
export interface FakeDeps extends Omit<Deps, 'events' | 'outbox'> {
  readonly clock: FixedClock;
  readonly ids: SequentialIds;
  readonly staff: InMemoryStaffDirectory;
  readonly students: InMemoryStudentDirectory;
  readonly categories: InMemoryCategoryCatalogue;
  readonly alertGroups: InMemoryAlertGroupDirectory;
  readonly schoolProfile: FixedSchoolProfile;
  readonly incidents: InMemoryIncidentStore;
  readonly alerts: InMemoryAlertStore;
  readonly audit: RecordingAuditTrail;
  readonly notifications: InMemoryNotificationLedger;
  readonly reminders: RecordingReminderScheduler;
  readonly mailer: RecordingMailer;
  readonly files: InMemoryFileStore;
  readonly quarantine: InMemoryFileStore;
  readonly fileRecords: InMemoryFileRecordStore;
  readonly identity: InMemoryIdentityProvider;
  readonly pupilFiles: InMemoryPupilFileStore;
  readonly reports: InMemoryReportStore;
  readonly casework: InMemoryIncidentCasework;
  readonly referrals: InMemoryReferralStore;
  readonly referralChecks: RecordingReferralCheckScheduler;
  readonly pupilImports: InMemoryPupilImportStore;
  readonly encompass: InMemoryEncompassStore;
  /** JSON lines written through `logger`. */
  readonly logLines: string[];
}

/** Deps built from in-memory fakes; pass any port (or the school) to replace it. */
export function fakeDeps<TOverrides extends Partial<Deps> = Record<never, never>>(overrides: TOverrides = {} as TOverrides): Omit<FakeDeps, keyof TOverrides> & TOverrides {
  const log = recordingLogger();
  const alerts = new InMemoryAlertStore();
  const files = new InMemoryFileStore();
  const incidents = new InMemoryIncidentStore(alerts);
  const defaults: FakeDeps = {
    school: testSchool,
    clock: new FixedClock(),
    ids: new SequentialIds(),
    logger: log.logger,
    logLines: log.lines,
    staff: new InMemoryStaffDirectory(),
    students: new InMemoryStudentDirectory(),
    categories: new InMemoryCategoryCatalogue(),
    alertGroups: new InMemoryAlertGroupDirectory(),
    schoolProfile: new FixedSchoolProfile(),
    incidents,
    alerts,
    audit: new RecordingAuditTrail(),
    notifications: new InMemoryNotificationLedger(),
    reminders: new RecordingReminderScheduler(),
    mailer: new RecordingMailer(),
    files,
    quarantine: files,
    fileRecords: new InMemoryFileRecordStore(),
    identity: new InMemoryIdentityProvider(),
    pupilFiles: new InMemoryPupilFileStore(),
    reports: new InMemoryReportStore(),
    casework: new InMemoryIncidentCasework(incidents, alerts),
    referrals: new InMemoryReferralStore(alerts),
    referralChecks: new RecordingReferralCheckScheduler(),
    pupilImports: new InMemoryPupilImportStore(),
    encompass: new InMemoryEncompassStore(),
  };
  const deps = { ...defaults, ...overrides } as Omit<FakeDeps, keyof TOverrides> & TOverrides;
  // One audit trail and one alert store, as one table would hold them, whichever fakes were passed.
  const trail = (deps as Deps).audit;
  for (const port of Object.values(deps)) {
    if (port instanceof AuditedStore && trail instanceof RecordingAuditTrail) port.useAuditTrail(trail);
  }
  if ((deps as Deps).pupilImports instanceof InMemoryPupilImportStore && (deps as Deps).students instanceof InMemoryStudentDirectory) {
    ((deps as Deps).pupilImports as InMemoryPupilImportStore).useStudents((deps as Deps).students as InMemoryStudentDirectory);
  }
  if ((deps as Deps).incidents instanceof InMemoryIncidentStore && (deps as Deps).alerts instanceof InMemoryAlertStore) {
    ((deps as Deps).incidents as InMemoryIncidentStore).alerts = (deps as Deps).alerts as InMemoryAlertStore;
  }
  const pupilFiles = (deps as Deps).pupilFiles;
  if (pupilFiles instanceof InMemoryPupilFileStore && (deps as Deps).incidents instanceof InMemoryIncidentStore) {
    const incidents = (deps as Deps).incidents as InMemoryIncidentStore;
    const students = (deps as Deps).students;
    pupilFiles.sources = {
      incidents: () => incidents.allStored(),
      saveStudent: (student) => {
        if (students instanceof InMemoryStudentDirectory) students.students.set(student.id, student);
      },
      audit: trail,
    };
  }
  const encompass = (deps as Deps).encompass;
  if (encompass instanceof InMemoryEncompassStore && pupilFiles instanceof InMemoryPupilFileStore && (deps as Deps).incidents instanceof InMemoryIncidentStore) {
    encompass.sources = { incidents: (deps as Deps).incidents as InMemoryIncidentStore, pupilFiles, audit: trail };
  }
  if ((deps as Deps).incidents instanceof InMemoryIncidentStore && (deps as Deps).fileRecords instanceof InMemoryFileRecordStore) {
    ((deps as Deps).incidents as InMemoryIncidentStore).fileRecords = (deps as Deps).fileRecords as InMemoryFileRecordStore;
  }
  // Casework and referrals act on the same incidents and alerts, whichever fakes were passed.
  const casework = (deps as Deps).casework;
  if (casework instanceof InMemoryIncidentCasework) {
    if ((deps as Deps).incidents instanceof InMemoryIncidentStore) casework.incidents = (deps as Deps).incidents as InMemoryIncidentStore;
    if ((deps as Deps).alerts instanceof InMemoryAlertStore) casework.alerts = (deps as Deps).alerts as InMemoryAlertStore;
  }
  const referrals = (deps as Deps).referrals;
  if (referrals instanceof InMemoryReferralStore && (deps as Deps).alerts instanceof InMemoryAlertStore) referrals.alerts = (deps as Deps).alerts as InMemoryAlertStore;
  return deps;
}

function pick<T>(all: ReadonlyMap<string, T>, ids: readonly string[]): Map<string, T> {
  const found = new Map<string, T>();
  for (const id of ids) {
    const value = all.get(id);
    if (value !== undefined) found.set(id, value);
  }
  return found;
}

function bySurname(left: { familyName: string; givenName: string }, right: { familyName: string; givenName: string }): number {
  return left.familyName.localeCompare(right.familyName, 'en-GB') || left.givenName.localeCompare(right.givenName, 'en-GB');
}

function idempotencyKey(record: Pick<IdempotencyRecord, 'callerId' | 'key'>): string {
  return `${record.callerId}#${record.key}`;
}

function replaceById<T extends { id: string }>(list: T[], value: T): void {
  const index = list.findIndex((candidate) => candidate.id === value.id);
  if (index >= 0) list[index] = value;
  else list.push(value);
}
