import { beforeAll, describe, expect, it } from 'vitest';
import { TransactWriteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoIncidentStore } from '../../../shared/adapters/dynamo/incident-store';
import { DynamoAlertStore, alertItem } from '../../../shared/adapters/dynamo/alert-store';
import { DynamoStaffDirectory } from '../../../shared/adapters/dynamo/staff-directory';
import { DynamoNotificationLedger } from '../../../shared/adapters/dynamo/notification-ledger';
import { DynamoAuditTrail } from '../../../shared/adapters/dynamo/audit-trail';
import { IdempotencyKeyTakenError } from '../../../shared/domain/ports';
import { ConflictError } from '../../../shared/errors/lantern-error';
import { MAX_RECIPIENTS, recordIncident } from '../../../shared/domain/incidents/record-incident';
import { MAX_TAGGED, addAction } from '../../../shared/domain/incidents/add-action';
import type { Student } from '../../../shared/domain/students/student';
import { InMemoryStaffDirectory, InMemoryStudentDirectory, SequentialIds } from '../../unit/support/fake-deps';
import { schoolDeps } from '../../unit/support/school-deps';
import { callerFor, everyPupil, everyStaffMember, pupilsOf, requestOrigin, staffOf } from '../../unit/support/school-cast';
import { staffProfile } from '../../unit/support/staff-profiles';
import { actionInput, incidentInput } from '../../unit/support/incident-input';
import { alertFixture } from '../../unit/support/incident-records';
import { auditEventFixture } from '../../unit/support/audit-events';
import { freshTables } from './fresh-tables';
import { DynamoFileRecordStore } from '../../../shared/adapters/dynamo/file-record-store';
import { createUpload } from '../../../shared/domain/files/create-upload';
import { MAX_ATTACHMENTS } from '../../../shared/domain/files/attach-files';
import { CursorCodec } from '../../../shared/adapters/dynamo/pagination';

const cursors = new CursorCodec('dynamo-local-test-cursor-key-0123456789abcdef');

/**
 * What a mocked client cannot tell: that DynamoDB itself evaluates these condition
 * expressions, accepts these transactions and pages these queries as the adapters expect.
 */
let client: DynamoDBDocumentClient;
let tables: { records: string; audit: string };

beforeAll(async () => {
  ({ client, tables } = await freshTables('adapters'));
});

const author = callerFor(staffOf.author);
const crowd = (size: number) =>
  Array.from({ length: size }, (_, index) =>
    staffProfile({ id: `staff-crowd-${index}`, email: `crowd.${index}@castlemead.example.sch.uk`, givenName: 'Crowd', familyName: `Member ${index}` }),
  );
const classOf = (size: number): Student[] =>
  Array.from({ length: size }, (_, index) => ({ ...pupilsOf.classmate, id: `student-class-${index}`, givenName: 'Pupil', familyName: `Number ${index}` }));

let writes = 0;
/** A school whose ids no other write in this file shares (DynamoDB keeps what each wrote). */
function uniqueSchool(overrides: Partial<ReturnType<typeof schoolDeps>> = {}) {
  writes += 1;
  return { ...schoolDeps(), ids: new SequentialIds(`01JW${String(writes).padStart(3, '0')}`), ...overrides };
}

/**
 * The author's own uploads, waiting to be attached: made through the domain against fakes,
 * and their records written to DynamoDB Local too, so the attach conditions have items to check.
 */
async function uploadsOnDynamo(deps: ReturnType<typeof uniqueSchool>, count: number): Promise<string[]> {
  const fileRecords = new DynamoFileRecordStore(client, tables);
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const { file } = await createUpload(deps, author, { name: `Photo ${index + 1}.jpg`, contentType: 'image/jpeg', size: 2_000_000 }, requestOrigin);
    await fileRecords.create(deps.fileRecords.records.get(file.id)!, auditEventFixture({ id: `upload-${file.id}`, action: 'file.upload', recordType: 'file', recordId: file.id }));
    ids.push(file.id);
  }
  return ids;
}

/** The write the domain would hand the store for this input, built against fakes. */
async function incidentWrite(idempotencyKey?: string, deps = uniqueSchool(), input = incidentInput()) {
  await recordIncident(deps, author, input, { ...requestOrigin, ...(idempotencyKey ? { idempotencyKey } : {}) });
  return deps.incidents.recorded.at(-1)!;
}

describe('DynamoIncidentStore on DynamoDB Local', () => {
  it('takes an Idempotency-Key once: a second incident under it is refused and leaves nothing behind', async () => {
    // Prepare
    const store = new DynamoIncidentStore(client, tables);
    const first = await incidentWrite('dynamo-local-key-1');
    const second = await incidentWrite('dynamo-local-key-1');
    await store.record(first);

    // Act
    const attempt = store.record(second);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(IdempotencyKeyTakenError);
    await expect(attempt).rejects.toMatchObject({ cause: { name: 'TransactionCanceledException' } });
    expect(await store.get(second.incident.id)).toBeUndefined();
    expect(await store.get(first.incident.id)).toMatchObject({ incident: { id: first.incident.id } });
    expect(await store.findIdempotency(author.staffId, 'dynamo-local-key-1')).toMatchObject({ incidentId: first.incident.id });
  });

  it('lets an expired Idempotency-Key be taken again', async () => {
    // Prepare
    const store = new DynamoIncidentStore(client, tables);
    const expired = await incidentWrite('dynamo-local-key-2');
    await store.record({ ...expired, idempotency: { ...expired.idempotency!, expiresAt: '2000-01-01T00:00:00.000Z' } });
    const later = await incidentWrite('dynamo-local-key-2');

    // Act
    await store.record(later);

    // Assess
    expect(await store.findIdempotency(author.staffId, 'dynamo-local-key-2')).toMatchObject({ incidentId: later.incident.id });
  });

  it('accepts the largest incident the API allows as one transaction (every linked pupil, every recipient, a reminder, the most files, an Idempotency-Key)', async () => {
    // Prepare
    const store = new DynamoIncidentStore(client, tables);
    const recipients = crowd(MAX_RECIPIENTS);
    const linked = classOf(30);
    const deps = uniqueSchool({ staff: new InMemoryStaffDirectory([...everyStaffMember, ...recipients]), students: new InMemoryStudentDirectory([...everyPupil, ...linked]) });
    const fileIds = await uploadsOnDynamo(deps, MAX_ATTACHMENTS);
    const write = await incidentWrite('dynamo-local-largest', deps, incidentInput({
      linkedStudents: linked.map((pupil) => ({ studentId: pupil.id, role: 'involved' })),
      alert: { staffIds: recipients.map((member) => member.id) },
      reminder: { at: '2025-01-20T09:00:00Z', note: 'Check in at register' },
      fileIds,
    }));

    // Act
    await store.record(write);

    // Assess
    const stored = await store.get(write.incident.id);
    expect(stored?.incident.alertedStaffIds).toHaveLength(MAX_RECIPIENTS);
    expect(stored?.incident.linkedStudents).toHaveLength(30);
    expect(stored?.incident.files).toHaveLength(MAX_ATTACHMENTS);
    const attached = await new DynamoFileRecordStore(client, tables).getMany(fileIds);
    expect([...attached.values()].map((record) => record.attachedTo)).toEqual(fileIds.map(() => ({ incidentId: write.incident.id })));
  });

  it('accepts an action tagging the most people allowed, with the most files, as one transaction', async () => {
    // Prepare
    const store = new DynamoIncidentStore(client, tables);
    const tagged = crowd(MAX_TAGGED);
    const deps = uniqueSchool({ staff: new InMemoryStaffDirectory([...everyStaffMember, ...tagged]) });
    const { incident } = await recordIncident(deps, author, incidentInput(), requestOrigin);
    await store.record(deps.incidents.recorded[0]!);
    const fileIds = await uploadsOnDynamo(deps, MAX_ATTACHMENTS);
    await addAction(deps, author, incident.id, actionInput({ taggedStaffIds: tagged.map((member) => member.id), fileIds }), requestOrigin);

    // Act
    await store.appendAction(deps.incidents.actionsAppended[0]!);

    // Assess
    const stored = await store.get(incident.id);
    expect(stored?.actions).toHaveLength(1);
    expect(stored?.taggedStaffIds.size).toBe(MAX_TAGGED);
    expect(stored?.actions[0]?.files).toHaveLength(MAX_ATTACHMENTS);
  });

  it('refuses to attach another person\'s upload, naming the file, and writes nothing', async () => {
    // Prepare
    const store = new DynamoIncidentStore(client, tables);
    const deps = uniqueSchool();
    const fileIds = await uploadsOnDynamo(deps, 1);
    const write = await incidentWrite(undefined, deps, incidentInput({ fileIds }));
    const someoneElses = { ...write, incident: { ...write.incident, authorId: staffOf.teachingAssistant.id } };

    // Act
    const attempt = store.record(someoneElses);

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'unprocessable', field: 'fileIds.0' });
    expect(await store.get(write.incident.id)).toBeUndefined();
  });

  it('is right to keep under 100 items: DynamoDB refuses a transaction of 101', async () => {
    // Prepare
    const items = Array.from({ length: 101 }, (_, index) => ({ Put: { TableName: tables.records, Item: { pk: 'LIMIT#probe', sk: `ITEM#${index}` } } }));

    // Act
    const attempt = client.send(new TransactWriteCommand({ TransactItems: items }));

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'ValidationException' });
  });
});

describe('DynamoAlertStore on DynamoDB Local', () => {
  const recipientId = staffOf.designatedLead.id;
  const ids = ['01JHT0000000000000000000B1', '01JHT0000000000000000000B2', '01JHT0000000000000000000B3', '01JHT0000000000000000000B4', '01JHT0000000000000000000B5'];

  beforeAll(async () => {
    for (const id of ids) await client.send(new PutCommand({ TableName: tables.records, Item: alertItem(alertFixture({ id, recipientId })) }));
  });

  it('keeps the first reading and the first acknowledgement however often they are marked, and leaves the unread list', async () => {
    // Prepare
    const store = new DynamoAlertStore(client, tables, cursors);
    const audit = () => auditEventFixture({ id: `audit-${Math.random().toString(36).slice(2)}`, action: 'alert.read', recordType: 'alert', recordId: ids[0]! });
    await store.mark(recipientId, ids[0]!, { readAt: '2025-01-15T10:05:00.000Z' }, audit());
    await store.mark(recipientId, ids[0]!, { readAt: '2025-01-15T10:06:00.000Z', acknowledgedAt: '2025-01-15T10:06:00.000Z' }, audit());

    // Act
    const marked = await store.mark(recipientId, ids[0]!, { readAt: '2025-01-15T11:00:00.000Z', acknowledgedAt: '2025-01-15T11:00:00.000Z' }, audit());

    // Assess
    expect(marked).toMatchObject({ readAt: '2025-01-15T10:05:00.000Z', acknowledgedAt: '2025-01-15T10:06:00.000Z' });
    const unread = await store.list(recipientId, { unreadOnly: true, limit: 10 });
    expect(unread.alerts.map((alert) => alert.id)).not.toContain(ids[0]);
  });

  it('pages through every alert newest first, each once, with the cursor it hands out', async () => {
    // Prepare
    const store = new DynamoAlertStore(client, tables, cursors);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;

    // Act
    do {
      const page = await store.list(recipientId, { unreadOnly: false, limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.alerts.map((alert) => alert.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);

    // Assess
    expect(seen).toEqual([...ids].reverse());
    expect(pages).toBe(3);
  });
});

describe('DynamoStaffDirectory on DynamoDB Local', () => {
  it('refuses a save made against a version someone else has since changed, writing nothing', async () => {
    // Prepare
    const directory = new DynamoStaffDirectory(client, tables.records, tables.audit);
    const audit = new DynamoAuditTrail(client, tables.audit, cursors);
    const profile = staffProfile({ id: 'staff-version-check', updatedAt: '2025-01-15T10:00:00.000Z' });
    await directory.put(profile);
    await directory.save({ ...profile, jobTitle: 'Deputy head', updatedAt: '2025-01-15T10:01:00.000Z' }, auditEventFixture({ id: 'audit-save-1', recordId: profile.id }), { expectedUpdatedAt: profile.updatedAt });

    // Act
    const attempt = directory.save({ ...profile, jobTitle: 'Head of year', updatedAt: '2025-01-15T10:02:00.000Z' }, auditEventFixture({ id: 'audit-save-2', recordId: profile.id }), { expectedUpdatedAt: profile.updatedAt });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect(await directory.get(profile.id)).toMatchObject({ jobTitle: 'Deputy head' });
    const trail = await audit.search({ by: 'record', id: profile.id, limit: 10 });
    expect(trail.events.map((event) => event.id)).toEqual(['audit-save-1']);
  });
});

describe('DynamoNotificationLedger on DynamoDB Local', () => {
  it('lets one notifier claim a notification, another take over only a stale unsent claim, and none a sent one', async () => {
    // Prepare
    const ledger = new DynamoNotificationLedger(client, tables.records);

    // Act
    const first = await ledger.claim('notification-1', '2025-01-15T10:00:00.000Z');
    const whileFresh = await ledger.claim('notification-1', '2025-01-15T10:02:00.000Z');
    const onceStale = await ledger.claim('notification-1', '2025-01-15T10:06:00.000Z');
    await ledger.markSent('notification-1', '2025-01-15T10:06:01.000Z');
    const afterSent = await ledger.claim('notification-1', '2025-01-15T11:00:00.000Z');

    // Assess
    expect([first, whileFresh, onceStale, afterSent]).toEqual(['claimed', 'held', 'claimed', 'sent']);
  });
});

describe('DynamoAuditTrail on DynamoDB Local', () => {
  it('pages a record’s trail oldest first, each event once, and never overwrites an event', async () => {
    // Prepare
    const audit = new DynamoAuditTrail(client, tables.audit, cursors);
    const events = [1, 2, 3].map((minute) => auditEventFixture({ id: `audit-page-${minute}`, recordId: 'record-paged', at: `2025-01-15T10:0${minute}:00.000Z` }));
    for (const event of events) await audit.record(event);
    await expect(audit.record({ ...events[0]!, action: 'tampered' })).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });

    // Act
    const firstPage = await audit.search({ by: 'record', id: 'record-paged', limit: 2 });
    const secondPage = await audit.search({ by: 'record', id: 'record-paged', limit: 2, cursor: firstPage.nextCursor });

    // Assess
    expect([...firstPage.events, ...secondPage.events].map((event) => [event.id, event.action])).toEqual(events.map((event) => [event.id, event.action]));
    expect(secondPage.nextCursor).toBeUndefined();
  });
});
