import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoIncidentStore } from '../../../shared/adapters/dynamo/incident-store';
import { MAX_RECIPIENTS, recordIncident } from '../../../shared/domain/incidents/record-incident';
import { MAX_TAGGED, addAction } from '../../../shared/domain/incidents/add-action';
import type { Student } from '../../../shared/domain/students/student';
import { InMemoryStaffDirectory, InMemoryStudentDirectory } from '../support/fake-deps';
import { schoolDeps } from '../support/school-deps';
import { callerFor, everyPupil, everyStaffMember, pupilsOf, requestOrigin, staffOf } from '../support/school-cast';
import { staffProfile } from '../support/staff-profiles';
import { actionInput, incidentInput } from '../support/incident-input';

/** DynamoDB's limit on the items of one TransactWriteItems call. */
const TRANSACTION_ITEM_LIMIT = 100;
/** NewIncident's limit on linked pupils. */
const MOST_LINKED_PUPILS = 30;

const dynamo = mockClient(DynamoDBDocumentClient);
const tables = { records: 'lantern-records', audit: 'lantern-audit' };

afterEach(() => dynamo.reset());

const store = () => new DynamoIncidentStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), tables);

const crowd = (size: number) =>
  Array.from({ length: size }, (_, index) =>
    staffProfile({ id: `staff-crowd-${index}`, email: `crowd.${index}@castlemead.example.sch.uk`, givenName: 'Crowd', familyName: `Member ${index}` }),
  );

const classOf = (size: number): Student[] =>
  Array.from({ length: size }, (_, index) => ({ ...pupilsOf.classmate, id: `student-class-${index}`, givenName: 'Pupil', familyName: `Number ${index}` }));

function itemsSent(): number {
  const calls = dynamo.commandCalls(TransactWriteCommand);
  expect(calls).toHaveLength(1);
  return calls[0]!.args[0].input.TransactItems!.length;
}

describe('the largest writes the API accepts fit one DynamoDB transaction', () => {
  it('records an incident with every linked pupil, every recipient, a reminder and an Idempotency-Key in at most 100 items', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).resolves({});
    const recipients = crowd(MAX_RECIPIENTS);
    const linkedPupils = classOf(MOST_LINKED_PUPILS);
    const deps = {
      ...schoolDeps(),
      staff: new InMemoryStaffDirectory([...everyStaffMember, ...recipients]),
      students: new InMemoryStudentDirectory([...everyPupil, ...linkedPupils]),
    };
    const input = incidentInput({
      linkedStudents: linkedPupils.map((pupil) => ({ studentId: pupil.id, role: 'involved' })),
      alert: { staffIds: recipients.map((member) => member.id) },
      reminder: { at: '2025-01-20T09:00:00Z', note: 'Check in at register' },
    });
    await recordIncident(deps, callerFor(staffOf.author), input, { ...requestOrigin, idempotencyKey: 'largest-1' });
    const write = deps.incidents.recorded[0]!;

    // Act
    await store().record(write);

    // Assess
    expect(write.alerts).toHaveLength(MAX_RECIPIENTS);
    // idempotency + incident + (subject + 30 linked) timeline entries + 33 alerts + the author's
    // dashboard entry + the reminder entry + an audit entry per pupil + one outbox item for all the events
    expect(itemsSent()).toBe(1 + 1 + (1 + MOST_LINKED_PUPILS) + MAX_RECIPIENTS + 1 + 1 + (1 + MOST_LINKED_PUPILS) + 1);
    expect(itemsSent()).toBeLessThanOrEqual(TRANSACTION_ITEM_LIMIT);
  });

  it('takes no more linked pupils than that count allows', () => {
    // Prepare
    const oneTooMany = classOf(MOST_LINKED_PUPILS + 1).map((pupil) => ({ studentId: pupil.id, role: 'involved' as const }));

    // Act
    const parse = () => incidentInput({ linkedStudents: oneTooMany });

    // Assess
    expect(parse).toThrow();
  });

  it('appends an action tagging the most people allowed, each for the first time, in at most 100 items', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).resolves({});
    const tagged = crowd(MAX_TAGGED);
    const deps = { ...schoolDeps(), staff: new InMemoryStaffDirectory([...everyStaffMember, ...tagged]) };
    const author = callerFor(staffOf.author);
    const { incident } = await recordIncident(deps, author, incidentInput(), requestOrigin);
    await addAction(deps, author, incident.id, actionInput({ taggedStaffIds: tagged.map((member) => member.id) }), requestOrigin);
    const write = deps.incidents.actionsAppended[0]!;

    // Act
    await store().appendAction(write);

    // Assess
    expect(write.newlyTaggedStaffIds).toHaveLength(MAX_TAGGED);
    expect(write.alerts).toHaveLength(MAX_TAGGED);
    // incident check + action + a tag and an alert per person + audit
    expect(itemsSent()).toBe(2 * MAX_TAGGED + 4);
    expect(itemsSent()).toBeLessThanOrEqual(TRANSACTION_ITEM_LIMIT);
  });
});
