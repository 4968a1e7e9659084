import { meReadRoute } from '../../../shared/api/routes';
import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient, ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { sendTransaction, transactionRetry, type RetryPolicy } from '../../../shared/adapters/dynamo/send-transaction';
import { DynamoIncidentStore } from '../../../shared/adapters/dynamo/incident-store';
import { DynamoAlertStore } from '../../../shared/adapters/dynamo/alert-store';
import { CursorCodec } from '../../../shared/adapters/dynamo/pagination';
import { recordIncident } from '../../../shared/domain/incidents/record-incident';
import { IdempotencyKeyTakenError } from '../../../shared/domain/ports';
import { ServiceBusyError } from '../../../shared/errors/lantern-error';
import { apiRoute } from '../../../shared/http/api-route';
import { meReadContract } from '../../../shared/api/contracts/me';
import { auditTrail, dynamoPorts, staffDirectory } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';
import { ok } from '../../../shared/http/responses';
import { fakeDeps, InMemoryStaffDirectory } from '../support/fake-deps';
import { apiEvent, cognitoAccessClaims, lambdaContext } from '../support/api-event';
import { staffProfile } from '../support/staff-profiles';
import { testConfig } from '../support/test-config';
import { schoolDeps } from '../support/school-deps';
import { callerFor, requestOrigin, staffOf } from '../support/school-cast';
import { incidentInput } from '../support/incident-input';
import { auditEventFixture } from '../support/audit-events';

/**
 * DynamoDB Local runs transactions one at a time, so it never cancels one for a conflict;
 * AWS does. These inject the cancellation AWS sends.
 */
const dynamo = mockClient(DynamoDBDocumentClient);
afterEach(() => dynamo.reset());

const documents = () => DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' }));
const tables = { records: 'lantern-records', audit: 'lantern-audit' };

function cancelled(...codes: string[]) {
  return new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
}

/** The real policy, but recording its waits instead of sleeping. */
function recordingPolicy(random = () => 1): RetryPolicy & { waits: number[] } {
  const waits: number[] = [];
  return { ...transactionRetry, random, waits, sleep: async (ms) => void waits.push(ms) };
}

describe('sendTransaction', () => {
  it('sends again after a conflict and answers normally when the retry commits', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).rejectsOnce(cancelled('None', 'TransactionConflict')).resolves({});
    const policy = recordingPolicy();

    // Act
    await sendTransaction(documents(), { TransactItems: [] }, policy);

    // Assess
    expect(dynamo).toHaveReceivedCommandTimes(TransactWriteCommand, 2);
    expect(policy.waits).toEqual([25]);
  });

  it('gives up after a bounded number of attempts with 503 busy and a Retry-After', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'None'));
    const policy = recordingPolicy();

    // Act
    const attempt = sendTransaction(documents(), { TransactItems: [] }, policy);

    // Assess
    await expect(attempt).rejects.toThrow(ServiceBusyError);
    await expect(attempt).rejects.toMatchObject({ code: 'busy', retryAfterSeconds: 1 });
    expect(dynamo).toHaveReceivedCommandTimes(TransactWriteCommand, transactionRetry.attempts);
    // Exponential ceilings; full jitter draws from 0 up to each (random() = 1 here).
    expect(policy.waits).toEqual([25, 50, 100]);
  });

  it('answers 503 busy with a Retry-After, without retrying again, when the SDK gives up on a throttled request', async () => {
    // Prepare: what the client throws once its own retries of a throttled request run out
    dynamo.on(TransactWriteCommand).rejects(new ProvisionedThroughputExceededException({ message: 'Throughput exceeds the current capacity of your table or index.', $metadata: {} }));
    const policy = recordingPolicy();

    // Act
    const attempt = sendTransaction(documents(), { TransactItems: [] }, policy);

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'busy', retryAfterSeconds: 1 });
    expect(dynamo).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
    expect(policy.waits).toEqual([]);
  });

  it('draws each wait at random below its ceiling (full jitter)', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).rejectsOnce(cancelled('ThrottlingError')).rejectsOnce(cancelled('ThrottlingError')).resolves({});
    const policy = recordingPolicy(() => 0.5);

    // Act
    await sendTransaction(documents(), { TransactItems: [] }, policy);

    // Assess
    expect(policy.waits).toEqual([12, 25]);
  });

  it.each([
    ['a failed condition', cancelled('ConditionalCheckFailed', 'None')],
    ['a failed condition beside a conflict', cancelled('ConditionalCheckFailed', 'TransactionConflict')],
    ['a validation error', cancelled('ValidationError')],
    ['another error', new Error('socket hang up')],
  ])('never retries %s: it is an answer, passed on as it is', async (_case, error) => {
    // Prepare
    dynamo.on(TransactWriteCommand).rejects(error);
    const policy = recordingPolicy();

    // Act
    const attempt = sendTransaction(documents(), { TransactItems: [] }, policy);

    // Assess
    await expect(attempt).rejects.toBe(error);
    expect(dynamo).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
  });
});

describe('conflicts in the stores', () => {
  it('records an incident whose first transaction conflicted', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).rejectsOnce(cancelled('None', 'TransactionConflict', 'None')).resolves({});
    const deps = schoolDeps();
    await recordIncident(deps, callerFor(staffOf.author), incidentInput(), { ...requestOrigin, idempotencyKey: 'conflict-0001' });
    const store = new DynamoIncidentStore(documents(), tables);

    // Act
    await store.record(deps.incidents.recorded[0]!);

    // Assess
    expect(dynamo).toHaveReceivedCommandTimes(TransactWriteCommand, 2);
  });

  it('still tells a taken Idempotency-Key from a conflict after a retry', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).rejectsOnce(cancelled('TransactionConflict', 'None', 'None')).rejects(cancelled('ConditionalCheckFailed', 'None', 'None'));
    const deps = schoolDeps();
    await recordIncident(deps, callerFor(staffOf.author), incidentInput(), { ...requestOrigin, idempotencyKey: 'conflict-0002' });
    const store = new DynamoIncidentStore(documents(), tables);

    // Act
    const attempt = store.record(deps.incidents.recorded[0]!);

    // Assess
    await expect(attempt).rejects.toThrow(IdempotencyKeyTakenError);
    expect(dynamo).toHaveReceivedCommandTimes(TransactWriteCommand, 2);
  });

  it('answers 503 with Retry-After at the HTTP layer when marking an alert read keeps conflicting', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'None'));
    dynamo.on(GetCommand).resolves({});
    const teacher = staffProfile();
    const alerts = new DynamoAlertStore(documents(), tables, new CursorCodec('send-transaction-test-cursor-key-0123456789'));
    const deps = fakeDeps({ staff: new InMemoryStaffDirectory([teacher]) });
    const config = testConfig();
    const handler = apiRoute(meReadRoute, { contract: meReadContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory }), cognito: identityPorts }, context: () => ({ config, deps }) }).handle(async () =>
      ok(await alerts.mark(teacher.id, '01JHT0000000000000000000A1', { readAt: '2025-01-15T10:00:00.000Z' }, auditEventFixture({ staffId: teacher.id }))),
    );

    // Act
    const response = await handler(apiEvent({ method: 'GET', path: '/v1/me', requestId: 'busy-1', claims: cognitoAccessClaims({ sub: teacher.id, groups: ['staff'] }) }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(503);
    expect(response.headers).toMatchObject({ 'retry-after': '1', 'content-type': 'application/json; charset=utf-8' });
    expect(JSON.parse(response.body ?? '')).toEqual({ error: 'busy', message: expect.stringContaining('Nothing was saved'), requestId: 'busy-1' });
    expect(dynamo).toHaveReceivedCommandTimes(TransactWriteCommand, transactionRetry.attempts);
  });
});
