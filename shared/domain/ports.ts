import type { StaffProfile } from './staff/staff-profile';
import type { Student, StudentStatus } from './students/student';
import type { Category } from './categories/category';
import type { SchoolProfile } from './school/school-profile';
import type { Incident, IncidentAction, IncidentStatus } from './incidents/incident';
import type { IncidentVersion } from './casework/incident-version';
import type { Referral } from './referrals/referral';
import type { Alert, AlertGroup } from './alerts/alert';
import type { AuditEvent } from './audit/audit-event';
import type { SignInRecord } from './identity/sign-in-evidence';
import type { QualityRuleId } from './quality/finding';
import type { PupilSafeguarding, SafeguardingVersion } from './students/safeguarding-flags';
import type { ChronologyWindow, TimelineIncident, TimelinePage } from './casework/timeline';
import type { CountedIncident, ReportBucket, ReportRange } from './reports/report-facts';
import type { ScanState, StoredFileRecord } from './files/stored-file';
import type { EncompassNotification } from './partners/encompass-notification';

/**
 * The ports domain code depends on. Production builds them from AWS adapters once per
 * cold start; tests build them from in-memory fakes or the local stand-ins.
 */
export interface Clock {
  now(): Date;
}

/** Time-ordered unique ids (ULIDs), so newest-first lists sort by id. */
export interface IdGenerator {
  next(): string;
}

export interface StaffDirectory {
  get(staffId: string): Promise<StaffProfile | undefined>;
  getMany(staffIds: readonly string[]): Promise<Map<string, StaffProfile>>;
  /** Every profile, ordered by surname: a school has hundreds of staff, not millions. */
  list(): Promise<StaffProfile[]>;
  put(profile: StaffProfile): Promise<void>;
  /**
   * Writes the profile and its audit event together. With `expectedUpdatedAt`, only if the
   * stored profile is still that version (else a ConflictError): no lost updates.
   */
  save(profile: StaffProfile, audit: AuditEvent, options?: { readonly expectedUpdatedAt?: string }): Promise<void>;
}

export interface StudentSummary {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly yearGroup: string;
  readonly className: string;
}

/**
 * The narrow roll lookup the recording-quality checker needs: pupils on roll with a given
 * forename, or whose forename and surname start with given letters. One Query per name or
 * letter on the recording-search key; never a Scan.
 */
export interface PupilRoll {
  withForenames(forenames: readonly string[]): Promise<StudentSummary[]>;
  /** `initials` like "JS": pupils whose forename starts J and surname S. */
  withInitials(initials: readonly string[]): Promise<StudentSummary[]>;
}

export interface StudentDirectory extends PupilRoll {
  get(studentId: string): Promise<Student | undefined>;
  getMany(studentIds: readonly string[]): Promise<Map<string, Student>>;
  /** Pupils on roll whose forename or surname starts with `prefix` (case-insensitive). */
  search(prefix: string, limit: number): Promise<StudentSummary[]>;
  /** As `search`, each pupil with their status, and with `includeArchived` the archived pupils (leavers) too: for elevated DSLs only. */
  searchWithStatus(prefix: string, limit: number, options: { readonly includeArchived: boolean }): Promise<FoundStudent[]>;
  /** The pupil with this UPN exactly (one GetItem on its lookup key), any status. */
  byUpn(upn: string): Promise<Student | undefined>;
  /** The pupil whose safeguarding record holds this NHS number (one GetItem on its lookup key). */
  byNhsNumber(nhsNumber: string): Promise<Student | undefined>;
}

/** A pupil found by the DSLs' search, with whether they are on roll, left or archived. */
export interface FoundStudent extends StudentSummary {
  readonly status: StudentStatus;
}

export interface CategoryCatalogue {
  list(): Promise<Category[]>;
  save(category: Category, audit: AuditEvent): Promise<void>;
}

export interface AlertGroupDirectory {
  list(): Promise<AlertGroup[]>;
  save(group: AlertGroup, audit: AuditEvent): Promise<void>;
  remove(groupId: string, audit: AuditEvent): Promise<void>;
}

export interface SchoolProfileSource {
  get(): Promise<SchoolProfile>;
}

export interface IdempotencyRecord {
  readonly callerId: string;
  readonly key: string;
  /** A digest of the request, so a reused key with a different body is refused. */
  readonly requestHash: string;
  readonly incidentId: string;
  readonly expiresAt: string;
  /** The alerts the incident raised, so a replay can publish them again. */
  readonly alerts: readonly { readonly recipientId: string; readonly alertId: string }[];
}

/** Everything one submission writes, committed together or not at all. */
export interface IncidentWrite {
  readonly incident: Incident;
  readonly alerts: readonly Alert[];
  readonly idempotency?: IdempotencyRecord;
  readonly audit: AuditEvent;
  /** Written to the outbox in the same transaction; the stream relay delivers them. */
  readonly events: readonly DomainEvent[];
  /** The month (school time) and per-rule counts of the findings still present at submission, for the school's report. */
  readonly quality?: RecordedQuality;
  /** Uploads to attach, each only if the author uploaded it and it is not attached yet. */
  readonly attachFiles?: readonly string[];
}

export interface RecordedQuality {
  /** "YYYY-MM" in the school's time zone. */
  readonly month: string;
  readonly counts: Readonly<Partial<Record<QualityRuleId, number>>>;
}

/** One incident's quality counts, as the month's report reads them. */
export interface MonthQualityEntry {
  readonly counts: Readonly<Partial<Record<QualityRuleId, number>>>;
}

/** Read for the school's recording-quality report: one Query per month on a key kept for it. */
export interface RecordingQualityLedger {
  entriesForMonth(month: string): Promise<MonthQualityEntry[]>;
}

export interface ActionWrite {
  readonly action: IncidentAction;
  /** Staff tagged for the first time, who now may read the incident. */
  readonly newlyTaggedStaffIds: readonly string[];
  readonly alerts: readonly Alert[];
  readonly audit: AuditEvent;
  /** Written to the outbox in the same transaction; the stream relay delivers them. */
  readonly events: readonly DomainEvent[];
  /** Uploads to attach, each only if the author uploaded it and it is not attached yet. */
  readonly attachFiles?: readonly string[];
}

export interface StoredIncident {
  readonly incident: Incident;
  readonly actions: readonly IncidentAction[];
  /** Staff who may read the incident because an action tagged them. */
  readonly taggedStaffIds: ReadonlySet<string>;
}

/** Raised by an IncidentStore when the idempotency key is already taken. */
export class IdempotencyKeyTakenError extends Error {
  override readonly name = 'IdempotencyKeyTakenError';
}

/** What the author's dashboard lists of an incident they recorded. */
export interface AuthoredIncidentSummary {
  readonly incidentId: string;
  readonly studentId: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly categoryIds: readonly string[];
  readonly status: 'active' | 'closed';
}

export interface ReminderSummary {
  readonly incidentId: string;
  readonly studentId: string;
  readonly at: string;
  readonly note: string;
}

export interface IncidentStore extends RecordingQualityLedger {
  /** Also writes the author's dashboard entry and any reminder entry, in the same transaction. */
  record(write: IncidentWrite): Promise<void>;
  /** The author's incidents, most recently recorded first. */
  listAuthored(authorId: string, limit: number): Promise<AuthoredIncidentSummary[]>;
  /** The owner's reminders due at or after `from`, soonest first. */
  listReminders(ownerId: string, from: string, limit: number): Promise<ReminderSummary[]>;
  get(incidentId: string): Promise<StoredIncident | undefined>;
  appendAction(write: ActionWrite): Promise<void>;
  findIdempotency(callerId: string, key: string): Promise<IdempotencyRecord | undefined>;
}

export interface AlertPage {
  readonly alerts: readonly Alert[];
  readonly nextCursor?: string;
}

export interface AlertStore {
  list(recipientId: string, options: { unreadOnly: boolean; limit: number; cursor?: string }): Promise<AlertPage>;
  get(recipientId: string, alertId: string): Promise<Alert | undefined>;
  /** Sets readAt (and acknowledgedAt) once; later calls keep the first time. */
  mark(recipientId: string, alertId: string, change: { readAt: string; acknowledgedAt?: string }, audit: AuditEvent): Promise<Alert>;
}

export interface AuditSearch {
  readonly by: 'record' | 'staff' | 'student';
  readonly id: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit: number;
  readonly cursor?: string;
}

export interface AuditTrail {
  record(event: AuditEvent): Promise<void>;
  /** Oldest first, between `from` and `to` inclusive. */
  search(search: AuditSearch): Promise<{ events: AuditEvent[]; nextCursor?: string }>;
}

/**
 * A claim older than this is stale: its sender died between claiming and sending (well past
 * the notifier's timeout), so a redelivery may claim it again and send.
 */
export const NOTIFICATION_LEASE_MINUTES = 5;

export type NotificationClaim = 'claimed' | 'sent' | 'held';

/**
 * Remembers which notifications have been emailed, so a redelivered event sends nothing.
 * A claim is a lease: it becomes final only when `markSent` follows the send.
 */
export interface NotificationLedger {
  /**
   * `claimed` if this caller may send (nobody claimed it, or the claim went stale unsent);
   * `sent` if it is settled; `held` while another sender's claim is fresh (it may be sending
   * now, or have died: only time tells, so a caller retries later rather than drop it).
   */
  claim(notificationId: string, at: string): Promise<NotificationClaim>;
  /** The notification is settled (sent, or nobody to send it to): never claimable again. */
  markSent(notificationId: string, at: string): Promise<void>;
  /** Gives an unsent claim back after a failed send, so a retry can send. */
  release(notificationId: string): Promise<void>;
}

export interface ReminderScheduler {
  /** Idempotent on `id`: a reminder already scheduled under it is left as it is. */
  schedule(reminder: { readonly id: string; readonly at: Date; readonly detail: ReminderDueDetail }): Promise<'scheduled' | 'already-scheduled'>;
}

/**
 * Ids only: the owner's note stays on the incident, under the school's KMS key, never in a
 * schedule's input or on the bus. The reminders consumer reads it when it sends.
 */
export interface ReminderDueDetail {
  readonly reminderId: string;
  readonly incidentId: string;
  readonly ownerId: string;
}

export interface OutgoingEmail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

/**
 * An event as the outbox keeps it. `id` is Lantern's own (a ULID), carried to consumers as
 * `detail.eventId`: EventBridge gives a redriven event a new envelope id, this one never changes.
 */
export interface DomainEvent<TDetail = unknown> {
  readonly id: string;
  readonly detailType: string;
  readonly detail: TDetail;
}

/** Puts events on the school's bus; rejects naming what it could not put. Only the outbox relay has it. */
export interface EventPublisher {
  publish(events: readonly DomainEvent[]): Promise<void>;
}

/** What one outbox item holds: the events of one committed write, in order. */
export interface OutboxBatch {
  readonly outboxId: string;
  readonly committedAt: string;
  readonly events: readonly DomainEvent[];
}

/** The outbox items of committed writes, as the relay and the redrive see them. */
export interface OutboxStore {
  /** Takes the item out of the pending index and starts its retention clock. */
  markDelivered(outboxId: string, at: Date): Promise<void>;
  /** Undelivered items committed before `committedBefore`, oldest first; after `after` (the last of the previous page) when given. */
  pending(options: { readonly committedBefore: Date; readonly limit: number; readonly after?: Pick<OutboxBatch, 'outboxId' | 'committedAt'> }): Promise<OutboxBatch[]>;
}

export interface StoredFile {
  readonly key: string;
  readonly contentType: string;
  readonly body: Uint8Array;
}

/** A presigned upload: the browser sends exactly these headers, and a body of exactly the declared size. */
export interface PresignedUpload {
  readonly method: 'PUT';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: string;
}

export interface FileStore {
  put(file: StoredFile): Promise<void>;
  get(key: string): Promise<StoredFile | undefined>;
  /** A PUT URL with the content type, length and the pending tag signed into it. */
  presignUpload(request: { readonly key: string; readonly contentType: string; readonly size: number; readonly expiresInSeconds: number }): Promise<PresignedUpload>;
  /** A GET URL that answers as an attachment, with the stored type and the shown name. */
  presignDownload(request: { readonly key: string; readonly contentType: string; readonly fileName: string; readonly expiresInSeconds: number }): Promise<string>;
  /** The object's first bytes, or undefined when it is not there. */
  readStart(key: string, bytes: number): Promise<Uint8Array | undefined>;
  /** Tags the object as kept, so the lifecycle rule for unattached uploads never deletes it; false when it is not there. */
  markKept(key: string): Promise<boolean>;
}

/** Moves a file found bad out of reach: copied under the quarantine prefix, then removed from its place. */
export interface FileQuarantine {
  quarantine(fromKey: string, toKey: string): Promise<void>;
}

export interface FileRecordStore {
  /** Writes the record and its audit event together. */
  create(record: StoredFileRecord, audit: AuditEvent): Promise<void>;
  get(fileId: string): Promise<StoredFileRecord | undefined>;
  getMany(fileIds: readonly string[]): Promise<Map<string, StoredFileRecord>>;
  /**
   * Records the scan's verdict if the file is still in the state `from` (pending, or clean
   * when a later scan found it bad): false when it was not (a redelivery, a race).
   */
  settle(fileId: string, scan: Exclude<ScanState, 'pending'>, at: string, from: 'pending' | 'clean'): Promise<boolean>;
}

export interface NewStaffAccount {
  readonly email: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly groups: readonly string[];
}

export interface IdentityProvider {
  /** Creates the sign-in account (invited by email) and returns its immutable id (`sub`). */
  createAccount(account: NewStaffAccount): Promise<{ staffId: string }>;
  setGroups(username: string, groups: readonly string[]): Promise<void>;
  setEnabled(username: string, enabled: boolean): Promise<void>;
  /** Starts authenticator enrolment for the signed-in user; returns the TOTP secret. */
  associateAuthenticator(accessToken: string): Promise<{ secret: string }>;
  /** True when the code matches; then TOTP becomes the user's preferred second factor. */
  confirmAuthenticator(accessToken: string, code: string): Promise<boolean>;
  /** True while TOTP is still switched on for the account, so every sign-in asks for a code. */
  hasAuthenticator(staffId: string): Promise<boolean>;
  /** The account's sign-ins from `since` on, as the user pool recorded them (every page). */
  signInsSince(staffId: string, since: Date): Promise<SignInRecord[]>;
  /** The sign-in account for an email address, if one exists. */
  findAccount(email: string): Promise<{ staffId: string } | undefined>;
}

/** A pupil's file beyond the MIS export: safeguarding flags, their record page, leavers. */
export interface PupilFileStore {
  safeguarding(studentId: string): Promise<PupilSafeguarding | undefined>;
  /**
   * One transaction: the record (only while the stored one is still `expectedVersion`, else a
   * ConflictError), the change on the pupil's timeline, and its audit event.
   */
  saveSafeguarding(record: PupilSafeguarding, change: SafeguardingVersion, audit: AuditEvent, expectedVersion: number): Promise<void>;
  /**
   * Writes the pupil (their recording-search entries follow the status) with its audit event.
   * `previous` is the pupil as the caller just read them: their old entries are known from it.
   */
  saveStudent(student: Student, audit: AuditEvent, previous: Student): Promise<void>;
  /** Every incident on the pupil's record (theirs or linking them): a pupil has tens, not thousands. */
  timelineIncidents(studentId: string): Promise<TimelineIncident[]>;
  /** One page of the pupil's chronology in occurred-at order: ONE Query however many incidents the school holds. */
  chronology(studentId: string, window: ChronologyWindow): Promise<TimelinePage>;
  /** Rewrites the incident's entries (its actions and referrals too) on each of its pupils' records from their current state (idempotent). */
  refreshTimeline(stored: StoredIncident, referrals: readonly Referral[]): Promise<void>;
}

/** Report counters: read by range, kept by the casework projector off the event stream. */
export interface ReportStore {
  /** The counter buckets covering the range, whole months where it can: a few Queries a year. */
  read(range: ReportRange): Promise<ReportBucket[]>;
  counted(incidentId: string): Promise<CountedIncident | undefined>;
  /**
   * Moves the incident's counts from `before` to `after` in one transaction, only while what
   * is stored as counted is still `before` (else a ConflictError: read again and retry).
   */
  recount(before: CountedIncident | undefined, after: CountedIncident): Promise<void>;
}

/** Everything one change to an incident writes, committed together or not at all. */
export interface IncidentChangeWrite {
  /** The incident as it is after the change, its version one more than `expectedVersion`. */
  readonly incident: Incident;
  /** The version the change was made against: if the stored one differs, nothing is written. */
  readonly expectedVersion: number;
  readonly version: IncidentVersion;
  /** Alerts to newly assigned staff. */
  readonly alerts: readonly Alert[];
  readonly audit: AuditEvent;
  /** Written to the outbox in the same transaction (IncidentUpdated, AlertRaised). */
  readonly events: readonly DomainEvent[];
}

/** Raised by IncidentCasework when the stored incident is no longer the expected version. */
export class StaleVersionError extends Error {
  override readonly name = 'StaleVersionError';
}

/** What a list of incidents shows of each, and what its filters are served by. */
export interface IncidentListEntry {
  readonly incidentId: string;
  readonly studentId: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly authorId: string;
  readonly categoryIds: readonly string[];
  readonly status: IncidentStatus;
  readonly assignedTo: readonly string[];
  readonly reviewed: boolean;
  readonly version: number;
}

export interface IncidentListFilter {
  readonly categoryId?: string;
  readonly status?: IncidentStatus;
  /** Occurred at or after / at or before (ISO instants). */
  readonly from?: string;
  readonly to?: string;
  readonly assignedTo?: string;
  readonly reviewed?: boolean;
}

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

export interface IncidentCasework {
  /** Throws StaleVersionError when the stored incident is not `expectedVersion`. */
  change(write: IncidentChangeWrite): Promise<void>;
  /** Every change after the submission, oldest first. */
  history(incidentId: string): Promise<IncidentVersion[]>;
  /** Newest first by when it happened; one Query on the key the filter chose. */
  list(filter: IncidentListFilter, page: PageRequest): Promise<{ entries: IncidentListEntry[]; nextCursor?: string }>;
  /** Incidents no DSL has reviewed, oldest recorded first. */
  triage(page: PageRequest): Promise<{ incidents: Incident[]; nextCursor?: string }>;
  /**
   * Files the incident under the list keys its entry belongs to, and out of those it left.
   * 'superseded' when the incident has moved past `entry.version` (that change's event files it).
   */
  project(entry: IncidentListEntry): Promise<'projected' | 'superseded'>;
}

export interface ReferralWrite {
  readonly referral: Referral;
  readonly audit: AuditEvent;
  /** Written to the outbox in the same transaction. */
  readonly events: readonly DomainEvent[];
}

export interface ReferralChangeWrite extends ReferralWrite {
  /** The state the change was made from: if the stored one differs, StaleVersionError. */
  readonly expectedState: Referral['state'];
}

export interface ReferralStore {
  record(write: ReferralWrite): Promise<void>;
  update(write: ReferralChangeWrite): Promise<void>;
  get(incidentId: string, referralId: string): Promise<Referral | undefined>;
  listForIncident(incidentId: string): Promise<Referral[]>;
  /** Referrals with no outcome yet, soonest due first; `dueBefore` keeps only those due by then. */
  listOpen(options: PageRequest & { readonly dueBefore?: string }): Promise<{ referrals: Referral[]; nextCursor?: string }>;
  /** Records that the DSLs were alerted, with their alerts and the audit event, once. */
  markOverdueAlerted(write: { readonly referral: Referral; readonly alerts: readonly Alert[]; readonly audit: AuditEvent; readonly events: readonly DomainEvent[] }): Promise<'alerted' | 'already-alerted'>;
}

/** Asks EventBridge Scheduler to put a ReferralResponseDue event on the bus at the due time. */
export interface ReferralCheckScheduler {
  /** Idempotent on the referral id: a check already scheduled is left as it is. */
  scheduleDueCheck(check: { readonly referralId: string; readonly incidentId: string; readonly at: Date }): Promise<'scheduled' | 'already-scheduled'>;
}

/** A police reference already received: the notification that holds it answers instead. */
export class DuplicateReferenceError extends Error {
  override readonly name = 'DuplicateReferenceError';
}

/** One Operation Encompass notification's write, all in one transaction. */
export interface EncompassWrite {
  readonly notification: EncompassNotification;
  /** The normalised police reference: a uniqueness item, so a second one fails the transaction. */
  readonly reference: string;
  /** When matched: the incident, its alerts and the pupil's flag. */
  readonly incident?: Incident;
  readonly alerts?: readonly Alert[];
  readonly safeguarding?: { readonly record: PupilSafeguarding; readonly change: SafeguardingVersion; readonly expectedVersion: number };
  readonly audit: AuditEvent;
  readonly events: readonly DomainEvent[];
}

export interface EncompassStore {
  byReference(reference: string): Promise<EncompassNotification | undefined>;
  get(notificationId: string): Promise<EncompassNotification | undefined>;
  /** Every unmatched notification, and the most recent matched ones: two Queries on the index kept for them. */
  list(): Promise<{ unmatched: EncompassNotification[]; matched: EncompassNotification[] }>;
  /** Throws DuplicateReferenceError when the reference was taken meanwhile. */
  receive(write: EncompassWrite): Promise<void>;
  /** Matching by hand: only while the notification is still unmatched (else a ConflictError). */
  match(write: EncompassWrite): Promise<void>;
}
