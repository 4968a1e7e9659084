import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoIncidentStore } from '../../../shared/adapters/dynamo/incident-store';
import { DYNAMODB_ITEM_MAX_BYTES, DYNAMODB_TRANSACTION_MAX_BYTES, DYNAMODB_TRANSACTION_MAX_ITEMS, itemBytes } from '../../../shared/adapters/dynamo/item-size';
import { MAX_RECIPIENTS, recordIncident } from '../../../shared/domain/incidents/record-incident';
import { incidentBytes } from '../../../shared/domain/incidents/incident-size';
import type { Category } from '../../../shared/domain/categories/category';
import type { Student } from '../../../shared/domain/students/student';
import { PayloadTooLargeError } from '../../../shared/errors/lantern-error';
import * as limits from '../../../shared/schemas/incident-limits';
import { InMemoryCategoryCatalogue, InMemoryStaffDirectory, InMemoryStudentDirectory } from '../support/fake-deps';
import { schoolDeps } from '../support/school-deps';
import { callerFor, everyPupil, everyStaffMember, pupilsOf, requestOrigin, staffOf } from '../support/school-cast';
import { staffProfile } from '../support/staff-profiles';
import { incidentInput } from '../support/incident-input';

/**
 * The worst case of issue 8 item 9: every field at its limit, every character three UTF-8
 * bytes, every count at its most, answers filling the incident's byte budget. It must fit
 * one DynamoDB item, and its transaction DynamoDB's 4 MB; one character more is a 413.
 */
const dynamo = mockClient(DynamoDBDocumentClient);
afterEach(() => dynamo.reset());

/** Three UTF-8 bytes, one UTF-16 unit: the most bytes a character limit lets through. */
const wide = (length: number) => '€'.repeat(length);
const slug = (prefix: string, index: number) => `${prefix}-${index}-`.padEnd(limits.FIELD_ID_MAX_CHARS, 'x');

const longCategories: Category[] = Array.from({ length: limits.CATEGORIES_MAX }, (_, index) => ({
  id: slug('long', index),
  name: `Long ${index}`,
  guidance: 'For the size test.',
  subCategories: Array.from({ length: limits.SUB_CATEGORIES_MAX }, (_, sub) => ({ id: slug(`sub${index}`, sub), name: `Sub ${sub}` })),
  fields: Array.from({ length: limits.CATEGORY_FIELDS_MAX }, (_, field) => ({
    id: slug(`q${index}`, field),
    label: `Question ${field}`,
    kind: 'text' as const,
    maxLength: limits.TEXT_ANSWER_MAX_CHARS,
    required: false,
  })),
  appliedBy: ['staff'],
  visibleTo: ['dsl'],
  active: true,
  order: 100 + index,
}));

const crowd = Array.from({ length: MAX_RECIPIENTS }, (_, index) =>
  staffProfile({ id: `staff-crowd-${index}`.padEnd(100, 'x'), email: `crowd.${index}@castlemead.example.sch.uk`, givenName: 'Crowd', familyName: `Member ${index}` }),
);
const linkedPupils: Student[] = Array.from({ length: 30 }, (_, index) => ({ ...pupilsOf.classmate, id: `student-class-${index}`.padEnd(100, 'x') }));

function deps() {
  return {
    ...schoolDeps(),
    staff: new InMemoryStaffDirectory([...everyStaffMember, ...crowd]),
    students: new InMemoryStudentDirectory([...everyPupil, ...linkedPupils]),
    categories: new InMemoryCategoryCatalogue(longCategories),
  };
}

/** The largest body of every kind, with each of the 100 text answers `answerLength` long. */
function largestBody(answerLength: number) {
  return incidentInput({
    description: wide(limits.DESCRIPTION_MAX_CHARS),
    categories: longCategories.map((category) => ({
      categoryId: category.id,
      subCategoryIds: category.subCategories.map((sub) => sub.id),
      fields: Object.fromEntries(category.fields.map((field) => [field.id, wide(answerLength)])),
    })),
    linkedStudents: linkedPupils.map((pupil) => ({ studentId: pupil.id, role: 'alleged_perpetrator' })),
    bodyMap: Array.from({ length: limits.BODY_MAP_MARKS_MAX }, () => ({ side: 'front', x: 0.123456789012345, y: 0.987654321098765, description: wide(limits.BODY_MAP_DESCRIPTION_MAX_CHARS) })),
    assignedTo: crowd.slice(0, 20).map((member) => member.id),
    alert: { staffIds: crowd.map((member) => member.id) },
    agencies: Array.from({ length: 20 }, () => wide(200)),
    reminder: { at: '2025-01-20T09:00:00Z', note: wide(500) },
  });
}

/** The longest answers that keep the largest body within the incident's byte budget. */
async function longestAcceptedAnswer(): Promise<number> {
  const probe = deps();
  await recordIncident(probe, callerFor(staffOf.author), largestBody(1), { ...requestOrigin, idempotencyKey: 'probe-0001' });
  const base = incidentBytes(probe.incidents.recorded[0]!.incident);
  const answers = limits.CATEGORIES_MAX * limits.CATEGORY_FIELDS_MAX;
  return 1 + Math.floor((limits.INCIDENT_MAX_BYTES - base) / (answers * 3));
}

describe('the largest incident the API accepts', () => {
  it('fits one DynamoDB item, and its transaction fits DynamoDB\'s 4 MB and 100 items', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).resolves({});
    const school = deps();
    const answerLength = await longestAcceptedAnswer();
    await recordIncident(school, callerFor(staffOf.author), largestBody(answerLength), { ...requestOrigin, idempotencyKey: 'largest-0001' });
    const write = school.incidents.recorded[0]!;
    const store = new DynamoIncidentStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), { records: 'lantern-records', audit: 'lantern-audit' });

    // Act
    await store.record(write);
    const items = dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!.map((entry) => entry.Put!.Item as Record<string, unknown>);
    const sizes = items.map(itemBytes);

    // Assess
    expect(incidentBytes(write.incident)).toBeLessThanOrEqual(limits.INCIDENT_MAX_BYTES);
    expect(incidentBytes(write.incident)).toBeGreaterThan(limits.INCIDENT_MAX_BYTES - 300);
    expect(Math.max(...sizes)).toBeLessThan(DYNAMODB_ITEM_MAX_BYTES);
    expect(sizes.reduce((total, size) => total + size, 0)).toBeLessThan(DYNAMODB_TRANSACTION_MAX_BYTES);
    expect(items.length).toBeLessThanOrEqual(DYNAMODB_TRANSACTION_MAX_ITEMS);
  });

  it('is refused with 413 when one answer is a character longer, and nothing is written', async () => {
    // Prepare
    const school = deps();
    const answerLength = await longestAcceptedAnswer();

    // Act
    const attempt = recordIncident(school, callerFor(staffOf.author), largestBody(answerLength + 1), { ...requestOrigin, idempotencyKey: 'largest-0002' });

    // Assess
    await expect(attempt).rejects.toThrow(PayloadTooLargeError);
    await expect(attempt).rejects.toMatchObject({ code: 'too_large', message: expect.stringContaining('too large to keep as one record') });
    expect(school.incidents.recorded).toEqual([]);
  });
});

describe('one source for answer limits', () => {
  it('lets a category ask the longest text the answer schema takes, and no longer', async () => {
    // Prepare
    const { NewCategory } = await import('../../../shared/schemas/categories-admin');
    const question = (maxLength: number) => ({ id: 'q', label: 'Details', kind: 'text', maxLength });
    const category = (maxLength: number) => ({ id: 'c', name: 'C', guidance: 'When', fields: [question(maxLength)], appliedBy: ['staff'], visibleTo: ['dsl'] });

    // Act
    const longest = NewCategory.safeParse(category(limits.TEXT_ANSWER_MAX_CHARS));
    const tooLong = NewCategory.safeParse(category(limits.TEXT_ANSWER_MAX_CHARS + 1));
    const answer = () => incidentInput({ categories: [{ categoryId: 'c', fields: { q: 'a'.repeat(limits.TEXT_ANSWER_MAX_CHARS) } }] });

    // Assess
    expect(longest.success).toBe(true);
    expect(tooLong.success).toBe(false);
    expect(answer).not.toThrow();
  });
});

describe('itemBytes', () => {
  it('counts names and strings in UTF-8, numbers by digits, lists and maps with their overhead', () => {
    // Prepare
    const item = { pk: 'ab', n: 12345, flag: true, list: ['€', 'x'], map: { k: 'v' } };

    // Act
    const size = itemBytes(item);

    // Assess
    // pk 2+2; n 1+(3+1); flag 4+1; list 4+3+(1+3)+(1+1); map 3+3+(1+1+1)
    expect(size).toBe(4 + 5 + 5 + 13 + 9);
  });
});
