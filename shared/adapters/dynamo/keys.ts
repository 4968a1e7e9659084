/**
 * Every DynamoDB key Lantern builds, in one place. Never build a key inline in a query.
 */
export const staffPartition = (staffId: string) => `STAFF#${staffId}`;
export const staffProfileKey = (staffId: string) => ({ pk: staffPartition(staffId), sk: 'PROFILE' });

/** Staff directory listing (gsi1): every profile, ordered by surname then forename. */
export const staffDirectoryIndexKey = (surname: string, forename: string, staffId: string) => ({
  gsi1pk: 'STAFF',
  gsi1sk: `${surname.toLowerCase()}#${forename.toLowerCase()}#${staffId}`,
});
export const STAFF_DIRECTORY_PARTITION = 'STAFF';

export const studentPartition = (studentId: string) => `STUDENT#${studentId}`;
export const studentKey = (studentId: string) => ({ pk: studentPartition(studentId), sk: 'PROFILE' });

export const categoryKey = (categoryId: string) => ({ pk: 'CATEGORY', sk: `CATEGORY#${categoryId}` });
export const CATEGORY_PARTITION = 'CATEGORY';
export const CATEGORY_PREFIX = 'CATEGORY#';

export const schoolSettingsKey = () => ({ pk: 'SCHOOL', sk: 'SETTINGS' });

/**
 * Recording search: one token item per name a pupil can be found by (forename and
 * surname), so a single Query on a prefix finds either. Archived pupils' tokens live in a
 * partition of their own, which only the elevated DSLs' search reads: the recording
 * search's Query never reaches a leaver.
 */
export const STUDENT_SEARCH_PARTITION = 'STUDENT_SEARCH';
export const ARCHIVED_STUDENT_SEARCH_PARTITION = 'STUDENT_SEARCH_ARCHIVED';
export const studentSearchKey = (name: string, studentId: string) => ({
  pk: STUDENT_SEARCH_PARTITION,
  sk: `${name.toLowerCase()}#${studentId}`,
});
export const archivedStudentSearchKey = (name: string, studentId: string) => ({
  pk: ARCHIVED_STUDENT_SEARCH_PARTITION,
  sk: `${name.toLowerCase()}#${studentId}`,
});

/**
 * The roll (issue 15): an entry per pupil Lantern holds, on roll or archived, keyed by UPN and
 * holding the pupil as they are, written with their profile. A pupil import reads the whole
 * roll with one paged Query and upserts by UPN; one UPN is one pupil by construction.
 */
export const STUDENT_ROLL_PARTITION = 'STUDENT_ROLL';
export const studentRollKey = (upn: string) => ({ pk: STUDENT_ROLL_PARTITION, sk: upn });

/** A pupil import (its status, progress and report), and the one claim on the roll an import holds while it writes. */
export const pupilImportKey = (importId: string) => ({ pk: `IMPORT#${importId}`, sk: 'IMPORT' });
export const rollClaimKey = () => ({ pk: 'IMPORT_CLAIM', sk: 'ROLL' });

export const ALERT_GROUP_PARTITION = 'ALERT_GROUP';
export const ALERT_GROUP_PREFIX = 'GROUP#';
export const alertGroupKey = (groupId: string) => ({ pk: ALERT_GROUP_PARTITION, sk: `${ALERT_GROUP_PREFIX}${groupId}` });

/** An incident's partition holds the incident, its actions and who was tagged in them. */
export const INCIDENT_PREFIX = 'INCIDENT#';
export const incidentPartition = (incidentId: string) => `${INCIDENT_PREFIX}${incidentId}`;
/** The incident's own item's sort key in its partition. */
export const INCIDENT_SORT_KEY = 'INCIDENT';
export const incidentKey = (incidentId: string) => ({ pk: incidentPartition(incidentId), sk: INCIDENT_SORT_KEY });
export const ACTION_PREFIX = 'ACTION#';
export const incidentActionKey = (incidentId: string, actionId: string) => ({ pk: incidentPartition(incidentId), sk: `${ACTION_PREFIX}${actionId}` });
export const TAGGED_PREFIX = 'TAGGED#';
export const incidentTaggedKey = (incidentId: string, staffId: string) => ({ pk: incidentPartition(incidentId), sk: `${TAGGED_PREFIX}${staffId}` });

/** A pupil's record: every incident they are the subject of or linked to, by time. */
export const TIMELINE_PREFIX = 'TIMELINE#';
/** A referral from the incident, after the incident and its actions on the pupil's timeline. */
export const studentTimelineReferralKey = (studentId: string, occurredAt: string, incidentId: string, referralId: string) => ({
  pk: studentPartition(studentId),
  sk: `${TIMELINE_PREFIX}${occurredAt}#${incidentId}#REFERRAL#${referralId}`,
});
export const studentTimelineKey = (studentId: string, occurredAt: string, incidentId: string) => ({
  pk: studentPartition(studentId),
  sk: `${TIMELINE_PREFIX}${occurredAt}#${incidentId}`,
});

/** An action on a pupil's record sorts straight after its incident. */
export const studentTimelineActionKey = (studentId: string, occurredAt: string, incidentId: string, actionId: string) => ({
  pk: studentPartition(studentId),
  sk: `${TIMELINE_PREFIX}${occurredAt}#${incidentId}#ACTION#${actionId}`,
});
/** A change to the pupil's flags sits on their record at the time it was made. */
export const studentTimelineFlagsKey = (studentId: string, at: string, version: number) => ({
  pk: studentPartition(studentId),
  sk: `${TIMELINE_PREFIX}${at}#FLAGS#${String(version).padStart(8, '0')}`,
});
/** A chronology window as sort-key bounds: `to` takes in the whole of its day or instant. */
export const studentTimelineBounds = (from: string | undefined, to: string | undefined) => ({
  from: `${TIMELINE_PREFIX}${from ?? ''}`,
  to: `${TIMELINE_PREFIX}${to ?? ''}\uffff`,
});
/** The pupil's safeguarding record (flags, key adult, NHS number), beside their profile. */
export const studentSafeguardingKey = (studentId: string) => ({ pk: studentPartition(studentId), sk: 'SAFEGUARDING' });

/**
 * Report counters, all in one partition, sorted by period: a range is one Query per kind of
 * period (whole months, then the days at either end). Each item is one category set in one
 * period on one shard.
 */
export const REPORT_PARTITION = 'REPORT';
export const REPORT_MONTH_PREFIX = 'MONTH#';
export const REPORT_DAY_PREFIX = 'DAY#';
export const REPORT_SCHOOL_YEAR_PREFIX = 'YEAR#';
export const reportMonthKey = (month: string, categorySet: string, shard: number) => ({ pk: REPORT_PARTITION, sk: `${REPORT_MONTH_PREFIX}${month}#${categorySet}#${shard}` });
/** A school year's counters, by the calendar year its September falls in. */
export const reportSchoolYearKey = (startYear: string, categorySet: string, shard: number) => ({ pk: REPORT_PARTITION, sk: `${REPORT_SCHOOL_YEAR_PREFIX}${startYear}#${categorySet}#${shard}` });
export const reportDayKey = (date: string, categorySet: string, shard: number) => ({ pk: REPORT_PARTITION, sk: `${REPORT_DAY_PREFIX}${date}#${categorySet}#${shard}` });
export const reportPeriodBounds = (prefix: string, first: string, last: string) => ({ from: `${prefix}${first}#`, to: `${prefix}${last}#\uffff` });
/** What the projector last counted of an incident, in the incident's partition. */
export const reportCountedKey = (incidentId: string) => ({ pk: incidentPartition(incidentId), sk: 'REPORT_COUNTED' });

/** A member of staff's alerts live with their profile; alert ids are ULIDs, so newest sorts last. */
export const ALERT_PREFIX = 'ALERT#';
export const alertKey = (recipientId: string, alertId: string) => ({ pk: staffPartition(recipientId), sk: `${ALERT_PREFIX}${alertId}` });
/** Sparse index of unread alerts: the attributes are removed when the alert is read. */
export const unreadAlertPartition = (recipientId: string) => `UNREAD#${recipientId}`;
export const unreadAlertIndexKey = (recipientId: string, alertId: string) => ({ gsi1pk: unreadAlertPartition(recipientId), gsi1sk: alertId });

/** "My recent incidents": an entry in the author's partition per incident, by recording time. */
export const AUTHORED_PREFIX = 'AUTHORED#';
export const authoredIncidentKey = (authorId: string, recordedAt: string, incidentId: string) => ({
  pk: staffPartition(authorId),
  sk: `${AUTHORED_PREFIX}${recordedAt}#${incidentId}`,
});

/** "My reminders": an entry in the owner's partition per planner reminder, by when it is due. */
export const REMINDER_PREFIX = 'REMINDER#';
export const reminderEntryKey = (ownerId: string, at: string, incidentId: string) => ({ pk: staffPartition(ownerId), sk: `${REMINDER_PREFIX}${at}#${incidentId}` });

/** An uploaded file's record: who uploaded it, its scan state and where it is attached. */
export const fileRecordKey = (fileId: string) => ({ pk: `FILE#${fileId}`, sk: 'FILE' });

export const idempotencyKey = (callerId: string, key: string) => ({ pk: `IDEMPOTENCY#${callerId}#${key}`, sk: 'IDEMPOTENCY' });

export const notificationKey = (notificationId: string) => ({ pk: `NOTIFICATION#${notificationId}`, sk: 'SENT' });

/** Audit table: by record (table key), by member of staff and by pupil (indexes). */
export const auditRecordPartition = (recordId: string) => `RECORD#${recordId}`;
export const auditKey = (recordId: string, at: string, eventId: string) => ({ pk: auditRecordPartition(recordId), sk: `${at}#${eventId}` });
export const auditStaffPartition = (staffId: string) => `STAFF#${staffId}`;
export const auditStudentPartition = (studentId: string) => `STUDENT#${studentId}`;
/**
 * An event about several pupils is one item per pupil: the event's own item is indexed under
 * its first pupil, and a copy of it under each further pupil (a GSI key holds one value).
 * Copies live in their pupil's partition, outside every record partition, and carry no
 * staff key, so by-record and by-staff queries meet each event once.
 */
export const auditStudentCopyKey = (studentId: string, at: string, eventId: string) => ({
  pk: auditStudentPartition(studentId),
  sk: `${at}#${eventId}`,
  studentPk: auditStudentPartition(studentId),
});

/**
 * The transactional outbox: one item per write, holding every event of that write, in a
 * partition of its own so no list Query (incident, pupil, staff) ever returns it. Until the
 * relay has delivered it, it also sits in the sparse `gsi1` partition OUTBOX_PENDING (in
 * commit order), which is what the redrive queries; delivery removes it from there.
 */
export const OUTBOX_ITEM_TYPE = 'OutboxBatch';
export const outboxKey = (outboxId: string) => ({ pk: `OUTBOX#${outboxId}`, sk: 'OUTBOX' });
export const OUTBOX_PENDING_PARTITION = 'OUTBOX_PENDING';
export const outboxPendingIndexKey = (committedAt: string, outboxId: string) => ({ gsi1pk: OUTBOX_PENDING_PARTITION, gsi1sk: `${committedAt}#${outboxId}` });

/**
 * The school's recording-quality report: the author's dashboard entry of each incident
 * (already in its transaction) is indexed (gsi2) under the month it was recorded, with its
 * findings' counts, so a month is one Query and no extra item is written.
 */
export const recordingQualityMonthPartition = (month: string) => `QUALITY#${month}`;
export const recordingQualityIndexKey = (month: string, recordedAt: string, incidentId: string) => ({
  gsi2pk: recordingQualityMonthPartition(month),
  gsi2sk: `${recordedAt}#${incidentId}`,
});

/** An incident's versions live in its partition, numbered so they sort in order. */
export const VERSION_PREFIX = 'VERSION#';
export const incidentVersionKey = (incidentId: string, version: number) => ({ pk: incidentPartition(incidentId), sk: `${VERSION_PREFIX}${String(version).padStart(6, '0')}` });

/**
 * Triage (gsi2, sparse): an incident carries these attributes from recording until a DSL
 * reviews it, so the list of unreviewed incidents is one Query, oldest recorded first.
 */
export const TRIAGE_PARTITION = 'TRIAGE';
export const triageIndexKey = (recordedAt: string, incidentId: string) => ({ gsi2pk: TRIAGE_PARTITION, gsi2sk: `${recordedAt}#${incidentId}` });

/**
 * Incident lists: an entry per incident under each key a filter is served by, sorted by when
 * it happened, so a page is one Query on one partition, with `from`/`to` as the key range.
 */
export type IncidentListKey =
  | { readonly by: 'all' }
  | { readonly by: 'category'; readonly value: string }
  | { readonly by: 'status'; readonly value: string }
  | { readonly by: 'assignee'; readonly value: string }
  | { readonly by: 'reviewed'; readonly value: 'yes' | 'no' };
export const INCIDENT_LIST_PREFIX = 'INCIDENT_LIST#';
export const incidentListPartition = (key: IncidentListKey) => (key.by === 'all' ? `${INCIDENT_LIST_PREFIX}ALL` : `${INCIDENT_LIST_PREFIX}${key.by.toUpperCase()}#${key.value}`);
export const incidentListEntryKey = (partition: string, occurredAt: string, incidentId: string) => ({ pk: partition, sk: `${occurredAt}#${incidentId}` });

/** A referral lives in its incident's partition; while it awaits an outcome it is in the open index (gsi1) by due time. */
export const REFERRAL_PREFIX = 'REFERRAL#';
export const referralKey = (incidentId: string, referralId: string) => ({ pk: incidentPartition(incidentId), sk: `${REFERRAL_PREFIX}${referralId}` });
export const OPEN_REFERRALS_PARTITION = 'REFERRALS_OPEN';
export const openReferralIndexKey = (responseDueAt: string, referralId: string) => ({ gsi1pk: OPEN_REFERRALS_PARTITION, gsi1sk: `${responseDueAt}#${referralId}` });

/**
 * Transfer bundles received, one item per sender and bundle id: a conditional put on it is
 * the replay check, so the same bundle is never taken twice however many copies arrive.
 */
export const receivedBundleKey = (senderUrn: string, bundleId: string) => ({ pk: `TRANSFER_BUNDLE#${senderUrn}`, sk: `BUNDLE#${bundleId}` });

/**
 * A pupil found by NHS number (Operation Encompass matching): one GetItem, never a Scan. By
 * UPN, the roll entry (studentRollKey) is the lookup.
 */
export const studentNhsLookupKey = (nhsNumber: string) => ({ pk: `STUDENT_NHS#${nhsNumber}`, sk: 'LOOKUP' });

/**
 * Operation Encompass notifications: the notification's item, a uniqueness item per police
 * reference (so a duplicate fails the transaction), and the DSL's list on gsi1 in two
 * partitions, unmatched and matched, by when each was received.
 */
export const encompassKey = (notificationId: string) => ({ pk: `ENCOMPASS#${notificationId}`, sk: 'NOTIFICATION' });
export const encompassReferenceKey = (reference: string) => ({ pk: `ENCOMPASS_REF#${reference}`, sk: 'UNIQUE' });
export const ENCOMPASS_UNMATCHED_PARTITION = 'ENCOMPASS_UNMATCHED';
export const ENCOMPASS_MATCHED_PARTITION = 'ENCOMPASS_MATCHED';
export const encompassListIndexKey = (status: 'matched' | 'unmatched', receivedAt: string, notificationId: string) => ({
  gsi1pk: status === 'matched' ? ENCOMPASS_MATCHED_PARTITION : ENCOMPASS_UNMATCHED_PARTITION,
  gsi1sk: `${receivedAt}#${notificationId}`,
});
/**
 * An Encompass incident heads the triage list (gsi2 sorts ascending, and `!` sorts before
 * every recorded-at time), in the order of the school day it is for.
 */
export const urgentTriageIndexKey = (forSchoolDay: string, recordedAt: string, incidentId: string) => ({ gsi2pk: TRIAGE_PARTITION, gsi2sk: `!${forSchoolDay}#${recordedAt}#${incidentId}` });
