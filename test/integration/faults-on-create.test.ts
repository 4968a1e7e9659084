import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { transactionRetry } from '../../shared/adapters/dynamo/send-transaction';
import type { LocalStack } from '../../local/local-stack';
import { differences, fingerprint } from '../fuzz/table-fingerprint';
import { dynamoFaults } from './support/dynamo-faults';
import { demoUserWithEmail } from './support/local-facts';
import { signInDemoUser } from './support/sign-in';
import { startStackInFreshFolder, type StackInFreshFolder } from './support/stack-in-fresh-folder';

// The handlers run in this worker (the stack below is this file's own), and build their
// DynamoDB client through this module: every client they make gets the fault injector.
vi.mock('../../shared/adapters/dynamo/document-client', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../shared/adapters/dynamo/document-client')>();
  const { dynamoFaults: faults } = await import('./support/dynamo-faults');
  return { createDocumentClient: (config: Parameters<typeof real.createDocumentClient>[0]) => faults.attach(real.createDocumentClient(config)) };
});

/**
 * Issue 18, faults on create: AWS cancels a transaction that races another and throttles a
 * table over its throughput; DynamoDB Local does neither, so both are injected in the
 * handlers' own client (test/integration/support/dynamo-faults.ts). Whatever happens, a
 * create either commits whole or writes nothing, and a client told 503 knows when to retry.
 */
let own: StackInFreshFolder | undefined;
let stack: LocalStack;
let documents: DynamoDBDocumentClient;
let authorToken: string;
let recipientId: string;

beforeAll(async () => {
  own = await startStackInFreshFolder('lantern-faults-');
  stack = own.stack;
  const { facts } = stack;
  documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: facts.region, endpoint: facts.dynamodb.endpoint, credentials: { ...facts.credentials } }));
  authorToken = (await signInDemoUser('hannah.price@oakfield.example', facts)).token;
  recipientId = demoUserWithEmail('daniel.osei@oakfield.example', facts).id;
}, 120_000);

afterAll(async () => {
  dynamoFaults.disarm();
  documents?.destroy();
  await own?.stop();
});

/** One body a key: a retry with the same Idempotency-Key sends the same request. */
const bodies = new Map<string, string>();

async function create(idempotencyKey: string) {
  if (!bodies.has(idempotencyKey)) {
    bodies.set(
      idempotencyKey,
      JSON.stringify({
        studentId: 'pupil-005',
        occurredAt: new Date(Date.now() - 20 * 60_000).toISOString(),
        description: 'Mia said her brother had hurt her arm at the weekend; I saw a bruise on her wrist.',
        categories: [{ categoryId: 'first-aid' }],
        alert: { staffIds: [recipientId], groupIds: [] },
      }),
    );
  }
  const response = await fetch(`${stack.facts.apiUrl}/v1/incidents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${authorToken}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: bodies.get(idempotencyKey),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { id?: string; error?: string; message?: string } };
}

async function tables() {
  await stack.waitForEventsIdle();
  return Promise.all([fingerprint(documents, stack.facts.dynamodb.recordsTable), fingerprint(documents, stack.facts.dynamodb.auditTable)]);
}

const createsIn = (items: readonly Record<string, unknown>[]) => items.filter((item) => item.action === 'incident.create');

describe('a create whose transaction keeps conflicting', () => {
  it("is sent again by Lantern's bounded retries, then answered 503 with Retry-After, writing nothing", async () => {
    // Prepare
    const [recordsBefore, auditBefore] = await tables();
    dynamoFaults.arm('conflict');

    // Act
    const answer = await create(randomUUID());
    dynamoFaults.disarm();

    // Assess
    expect(answer.status).toBe(503);
    expect(answer.retryAfter).toBe('1');
    expect(answer.body.error).toBe('busy');
    expect(answer.body.message).toMatch(/Nothing was saved/);
    expect(dynamoFaults.attempts).toBe(transactionRetry.attempts);
    const [recordsAfter, auditAfter] = await tables();
    expect(recordsAfter.checksum).toBe(recordsBefore.checksum);
    expect(recordsAfter.count).toBe(recordsBefore.count);
    expect(createsIn(differences(auditBefore, auditAfter).added)).toEqual([]);
  });

  it('commits once when a retry gets through, with its alert, and the same key then answers the same incident', async () => {
    // Prepare
    const key = randomUUID();
    dynamoFaults.arm('conflict', 2);

    // Act
    const answer = await create(key);
    dynamoFaults.disarm();
    const again = await create(key);

    // Assess
    expect(answer.status).toBe(201);
    expect(dynamoFaults.attempts).toBe(3);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(answer.body.id);
    const [records, audit] = await tables();
    expect([...records.items.values()].filter((item) => item.pk === `INCIDENT#${answer.body.id}` && item.sk === 'INCIDENT')).toHaveLength(1);
    expect([...records.items.values()].filter((item) => item.incidentId === answer.body.id && item.recipientId === recipientId && String(item.sk).startsWith('ALERT#'))).toHaveLength(1);
    expect(createsIn([...audit.items.values()]).filter((item) => item.recordId === answer.body.id)).toHaveLength(1);
  });
});

describe('a create while the table is throttled', () => {
  it("is retried by the SDK, then answered 503 with Retry-After, writing nothing", async () => {
    // Prepare
    const [recordsBefore, auditBefore] = await tables();
    dynamoFaults.arm('throttled');

    // Act
    const answer = await create(randomUUID());
    dynamoFaults.disarm();

    // Assess
    expect(answer.status).toBe(503);
    expect(answer.retryAfter).toBe('1');
    expect(answer.body.error).toBe('busy');
    // The SDK's own attempts (its standard retry mode, DynamoDB's default of 4); Lantern adds none.
    expect(dynamoFaults.attempts).toBe(await documents.config.maxAttempts());
    expect(dynamoFaults.attempts).toBeGreaterThan(1);
    const [recordsAfter, auditAfter] = await tables();
    expect(recordsAfter.checksum).toBe(recordsBefore.checksum);
    expect(createsIn(differences(auditBefore, auditAfter).added)).toEqual([]);
  });
});
