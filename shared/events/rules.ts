/**
 * The one catalogue of event-bus consumers. The CDK stack declares an EventBridge rule
 * per entry (with a dead-letter queue); the local PutEvents endpoint dispatches to the
 * same handler modules by the same patterns.
 */
import type { Uses } from '../deps/uses';
import { entryById } from '../api/entry-by-id';

export const EVENT_SOURCE = 'lantern';

export type EventDetailType =
  | 'IncidentRecorded'
  | 'IncidentUpdated'
  | 'ActionAdded'
  | 'AlertRaised'
  | 'ReminderRequested'
  | 'ReminderDue'
  | 'ReferralCheckRequested'
  | 'ReferralResponseDue'
  | 'ReferralChanged'
  | 'FileUploaded'
  | 'TransferReceived'
  | 'PupilImportRequested';

/** GuardDuty Malware Protection for S3 publishes its verdicts on the account's default bus. */
export const MALWARE_SCAN_SOURCE = 'aws.guardduty';
export const MALWARE_SCAN_RESULT = 'GuardDuty Malware Protection Object Scan Result';

/** The subset of EventBridge pattern syntax Lantern uses: exact-match lists. */
export interface EventPattern {
  readonly source: readonly string[];
  readonly 'detail-type': readonly (EventDetailType | typeof MALWARE_SCAN_RESULT)[];
}

export interface EventRuleDefinition {
  readonly id: string;
  readonly entry: string;
  readonly pattern: EventPattern;
  readonly description: string;
  /** What the consumer uses (shared/deps/uses.ts): its ports, variables and IAM come from this. */
  readonly uses: Uses;
  /** The bus the rule is on: the school's own (default), or the account's default bus where AWS services publish. */
  readonly bus?: 'school' | 'default';
  /** The function's timeout when it needs more than the default 10 s (the pupil import's job). */
  readonly timeoutSeconds?: number;
}

export const eventRules = [
  {
    id: 'notifier',
    entry: 'functions/events/notifier.ts',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['AlertRaised'] },
    description: 'Emails each alerted member of staff once: author and categories only, with a link',
    uses: ['records', 'mailer', 'school'],
  },
  {
    id: 'reminder-scheduler',
    entry: 'functions/events/reminder-scheduler.ts',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['ReminderRequested'] },
    description: 'Creates the one-off schedule of a planner reminder, once per reminder',
    uses: ['reminders'],
  },
  {
    id: 'reminders',
    entry: 'functions/events/reminders.ts',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['ReminderDue'] },
    description: "Emails a planner reminder to its owner: the incident link and the owner's note",
    uses: ['records', 'mailer', 'school'],
  },
  {
    id: 'casework-projector',
    entry: 'functions/events/casework-projector.ts',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['IncidentRecorded', 'IncidentUpdated', 'ActionAdded', 'ReferralChanged'] },
    description: "Brings pupils' chronology entries and the report counters in line with an incident and its referrals as they now are (idempotent: works from state)",
    uses: ['records', 'school'],
  },
  {
    id: 'incident-lists',
    entry: 'functions/events/incident-lists.ts',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['IncidentRecorded', 'IncidentUpdated'] },
    description: 'Files each incident under the keys the incident lists are served by, as it is now',
    uses: ['records'],
  },
  {
    id: 'referral-overdue',
    entry: 'functions/events/referral-overdue.ts',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['ReferralResponseDue'] },
    description: "Alerts the DSLs once when a referral has no outcome by its response's due time",
    uses: ['records', 'audit'],
  },
  {
    id: 'referral-check-scheduler',
    entry: 'functions/events/referral-check-scheduler.ts',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['ReferralCheckRequested'] },
    description: "Creates the one-off schedule of a referral's response check, once per referral",
    uses: ['reminders'],
  },
  {
    id: 'file-scans',
    entry: 'functions/events/file-scans.ts',
    pattern: { source: [MALWARE_SCAN_SOURCE], 'detail-type': [MALWARE_SCAN_RESULT] },
    description: 'Marks an uploaded file clean, or quarantines it (malware, or bytes not of its type) and emails the DSLs',
    uses: ['records', 'files', 'quarantine', 'mailer', 'school'],
    bus: 'default',
  },
  {
    id: 'pupil-import',
    entry: 'functions/events/pupil-import.ts',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['PupilImportRequested'] },
    description: "Runs a pupil import: checks every row of the uploaded CSV, then upserts the roll by UPN in batches (resumable; all or nothing)",
    uses: ['records', 'audit', 'files', 'school'],
    timeoutSeconds: 600,
  },
] as const satisfies readonly EventRuleDefinition[];

export type EventRuleId = (typeof eventRules)[number]['id'];

/** The declaration of one consumer, as a literal type. */
export type ConsumerUsesOf<C extends EventRuleId> = Extract<(typeof eventRules)[number], { readonly id: C }>['uses'];

export function eventRuleById<C extends EventRuleId>(id: C): Extract<(typeof eventRules)[number], { readonly id: C }> {
  return entryById(eventRules, id, 'event rule');
}
