import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoPupilFileStore } from '../../shared/adapters/dynamo/pupil-file-store';
import { DynamoReportStore } from '../../shared/adapters/dynamo/report-store';
import { DynamoStudentRecords } from '../../shared/adapters/dynamo/student-records';
import { CursorCodec } from '../../shared/adapters/dynamo/pagination';
import { timelineActionItem, timelineIncidentItem } from '../../shared/adapters/dynamo/timeline-items';
import type { Incident } from '../../shared/domain/incidents/incident';
import { countedFactsOf, summarise } from '../../shared/domain/reports/report-facts';
import { localFacts } from './support/local-facts';
import { ConflictError } from '../../shared/errors/lantern-error';

/**
 * The casework keys on DynamoDB Local through the real adapters: a chronology page is ONE
 * Query however many incidents the school holds, pages have no gaps or duplicates, and a
 * year's report is a few Queries whatever the number of incidents. Calls are counted at the
 * client (a middleware on every command sent), not guessed.
 */
function countingClient() {
  const facts = localFacts();
  const base = new DynamoDBClient({ region: facts.region, endpoint: facts.dynamodb.endpoint, credentials: facts.credentials });
  const sent: string[] = [];
  base.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
  return { documents: DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } }), sent };
}

const run = `casework-${Date.now().toString(36)}`;
const incidentFor = (index: number, studentId: string, overrides: Partial<Incident> = {}): Incident => ({
  id: `${run}-I${String(index).padStart(5, '0')}`,
  studentId,
  linkedStudents: [],
  occurredAt: new Date(Date.UTC(2025, 0, 1) + index * 3_600_000).toISOString(),
  recordedAt: new Date(Date.UTC(2025, 0, 1) + index * 3_600_000 + 600_000).toISOString(),
  dayOfWeek: 'Monday',
  session: 'am',
  location: 'Playground',
  description: 'Mia said "I fell off the climbing frame" and held her wrist.',
  categories: [{ categoryId: index % 3 === 0 ? 'safeguarding' : 'behaviour', subCategoryIds: [], fields: {} }],
  bodyMap: [],
  status: 'active',
  authorId: 'staff-casework',
  assignedTo: [],
  alert: { staffIds: [], groupIds: [] },
  alertedStaffIds: [],
  agencies: [],
  version: 1,
  ...overrides,
});

async function writeAll(documents: DynamoDBDocumentClient, items: Record<string, unknown>[]) {
  const table = localFacts().dynamodb.recordsTable;
  for (let start = 0; start < items.length; start += 25) {
    await documents.send(new BatchWriteCommand({ RequestItems: { [table]: items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  }
}

describe('casework keys on DynamoDB Local', () => {
  it('pages a chronology of 1,000 incidents in occurred-at order, one Query a page, with no gap or duplicate', async () => {
    // Prepare: 1,000 incidents about the pupil (a backdated one among them), an action on some, and 1,000 about someone else.
    const { documents, sent } = countingClient();
    const tables = { records: localFacts().dynamodb.recordsTable, audit: localFacts().dynamodb.auditTable };
    const store = new DynamoPupilFileStore(documents, tables, new DynamoStudentRecords(documents, tables.records), new CursorCodec('a-cursor-key-for-the-casework-test-only'));
    const pupil = `${run}-mia`;
    const theirs = Array.from({ length: 1_000 }, (_, index) => incidentFor(index, pupil));
    const someoneElses = Array.from({ length: 1_000 }, (_, index) => incidentFor(10_000 + index, `${run}-other`));
    const items = [
      ...theirs.map((incident) => timelineIncidentItem(incident, pupil)),
      ...theirs.filter((_, index) => index % 100 === 0).map((incident) => timelineActionItem(incident, { id: `${incident.id}-A`, incidentId: incident.id, text: 'Rang home.', authorId: 'staff-casework', taggedStaffIds: [], createdAt: incident.recordedAt }, pupil)),
      ...someoneElses.map((incident) => timelineIncidentItem(incident, incident.studentId)),
    ];
    await writeAll(documents, items);
    sent.length = 0;
    // Act
    const seen: string[] = [];
    const callsPerPage: number[] = [];
    let cursor: string | undefined;
    do {
      const before = sent.length;
      const page = await store.chronology(pupil, { limit: 73, cursor });
      callsPerPage.push(sent.length - before);
      seen.push(...page.items.map((item) => (item.kind === 'action' ? `${item.incidentId}#ACTION` : item.kind === 'incident' ? item.incidentId : 'flags')));
      cursor = page.nextCursor;
    } while (cursor);
    // Assess
    const expected = theirs.flatMap((incident, index) => (index % 100 === 0 ? [incident.id, `${incident.id}#ACTION`] : [incident.id]));
    expect(seen).toEqual(expected);
    expect(new Set(callsPerPage)).toEqual(new Set([1]));
    expect(sent.every((command) => command === 'QueryCommand')).toBe(true);
  });

  it("keeps a referral on the pupil's timeline after its incident and its actions, as one Query reads them back", async () => {
    // Prepare
    const { documents } = countingClient();
    const tables = { records: localFacts().dynamodb.recordsTable, audit: localFacts().dynamodb.auditTable };
    const store = new DynamoPupilFileStore(documents, tables, new DynamoStudentRecords(documents, tables.records), new CursorCodec('a-cursor-key-for-the-casework-test-only'));
    const pupil = `${run}-referred`;
    const incident = incidentFor(50_000, pupil);
    const action = { id: `${incident.id}-A`, incidentId: incident.id, text: 'Rang home.', authorId: 'staff-casework', taggedStaffIds: [], createdAt: incident.recordedAt };
    const referral = {
      id: `${incident.id}-R`,
      incidentId: incident.id,
      studentId: pupil,
      agency: 'childrens_social_care' as const,
      madeAt: incident.recordedAt,
      madeBy: 'staff-casework',
      reference: 'MASH-0142',
      responseDueAt: '2025-01-03T10:00:00.000Z',
      state: 'outcome' as const,
      outcome: { at: '2025-01-02T16:00:00.000Z', text: 'Strategy discussion held.', recordedBy: 'staff-casework' },
      recordedBy: 'staff-casework',
      recordedAt: incident.recordedAt,
    };
    // Act
    await store.refreshTimeline({ incident, actions: [action], taggedStaffIds: new Set() }, [referral]);
    const page = await store.chronology(pupil, { limit: 10 });
    // Assess
    expect(page.items.map((item) => item.kind)).toEqual(['incident', 'action', 'referral']);
    expect(page.items[2]).toMatchObject({ kind: 'referral', referralId: referral.id, agency: 'childrens_social_care', state: 'outcome', reference: 'MASH-0142', outcome: { text: 'Strategy discussion held.' }, incidentCategoryIds: ['behaviour'] });
  });

  it("answers a year's report in the same number of Queries at 100 and at 600 incidents, with the same counts as summing the deltas", async () => {
    // Prepare
    const { documents, sent } = countingClient();
    const reports = new DynamoReportStore(documents, localFacts().dynamodb.recordsTable);
    const range = { from: '2031-09-01', to: '2032-08-31' };
    const queriesFor = async () => {
      const before = sent.length;
      const buckets = await reports.read(range);
      return { queries: sent.slice(before).filter((command) => command === 'QueryCommand').length, buckets };
    };
    const facts = (index: number) => countedFactsOf(incidentFor(index, `${run}-p${index % 7}`, { id: `${run}-R${index}`, occurredAt: new Date(Date.UTC(2031, 8, 1) + (index % 365) * 86_400_000 + 36_000_000).toISOString(), recordedAt: new Date(Date.UTC(2031, 8, 1) + (index % 365) * 86_400_000 + 37_000_000).toISOString() }), { timeZone: 'Europe/London', yearGroup: 'Year 2' });
    for (let index = 0; index < 100; index += 1) await reports.recount(undefined, facts(index));
    const atHundred = await queriesFor();
    for (let index = 100; index < 600; index += 1) await reports.recount(undefined, facts(index));
    // Act
    const atSixHundred = await queriesFor();
    // Assess
    expect(atSixHundred.queries).toBe(atHundred.queries);
    expect(atSixHundred.queries).toBe(1);
    const summary = summarise(atSixHundred.buckets, { range, groupBy: 'category', mayView: () => true });
    const written = 600;
    expect(summary.total).toBe(written);
    expect(atSixHundred.buckets.length).toBeLessThan(200);
  });

  it.each([
    ['a school year', '2034-09-01', '2035-08-31'],
    ['a calendar year', '2035-01-01', '2035-12-31'],
    ['a school year with a term and odd days either side', '2034-04-17', '2035-12-09'],
  ])('counts %s from year, month and day items as a count of the incidents in it does', async (_name, from, to) => {
    // Prepare: 300 incidents two days apart from June 2034 to March 2036, counted by the adapter,
    // in a category of this case's own (the table is shared by every case and file).
    const { documents } = countingClient();
    const category = `${run}-${from}`;
    const reports = new DynamoReportStore(documents, localFacts().dynamodb.recordsTable);
    const counted = Array.from({ length: 300 }, (_, index) =>
      countedFactsOf(incidentFor(index, `${run}-y${index % 5}`, { id: `${run}-Y${from}-${index}`, categories: [{ categoryId: category, subCategoryIds: [], fields: {} }], occurredAt: new Date(Date.UTC(2034, 5, 1) + index * 2 * 86_400_000 + 36_000_000).toISOString(), recordedAt: new Date(Date.UTC(2034, 5, 1) + index * 2 * 86_400_000 + 37_000_000).toISOString() }), { timeZone: 'Europe/London', yearGroup: 'Year 5' }),
    );
    for (const facts of counted) await reports.recount(undefined, facts);
    const inRange = counted.filter((facts) => facts.localDate >= from && facts.localDate <= to);
    const byMonth = new Map<string, number>();
    for (const facts of inRange) byMonth.set(facts.localDate.slice(0, 7), (byMonth.get(facts.localDate.slice(0, 7)) ?? 0) + 1);
    // Act
    const summary = summarise(await reports.read({ from, to }), { range: { from, to }, groupBy: 'month', categoryId: category, mayView: () => true });
    // Assess
    expect(summary.total).toBe(inRange.length);
    expect(Object.fromEntries(summary.groups.map((group) => [group.key, group.total]))).toEqual(Object.fromEntries([...byMonth].sort()));
  });

  it('moves counts on a recount and refuses one over counts it did not read', async () => {
    // Prepare
    const { documents } = countingClient();
    const reports = new DynamoReportStore(documents, localFacts().dynamodb.recordsTable);
    const first = countedFactsOf(incidentFor(1, `${run}-q`, { id: `${run}-M1`, occurredAt: '2033-02-10T10:00:00.000Z', recordedAt: '2033-02-10T10:30:00.000Z' }), { timeZone: 'Europe/London', yearGroup: 'Year 4' });
    const recategorised = { ...first, version: 2, categoryIds: ['bullying'], status: 'closed' as const };
    await reports.recount(undefined, first);
    // Act: the next run recounts over what it reads back, as the projector does.
    const readBack = await reports.counted(first.incidentId);
    await reports.recount(readBack, recategorised);
    const stale = reports.recount(first, { ...recategorised, version: 3 });
    // Assess
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const summary = summarise(await reports.read({ from: '2033-02-01', to: '2033-02-28' }), { range: { from: '2033-02-01', to: '2033-02-28' }, groupBy: 'category', mayView: () => true });
    expect(summary.groups).toEqual([{ key: 'bullying', total: 1, open: 0, closed: 1 }]);
    expect(await reports.counted(first.incidentId)).toEqual(recategorised);
  });
});
