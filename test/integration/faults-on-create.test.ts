import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { transactionRetry } from '../../shared/adapters/dynamo/send-transaction';
import type { LocalStack } from '../../local/local-stack';
import { differences, fingerprint } from '../fuzz/table-fingerprint';
import { freePort } from '../../local/free-port';
import { localRedrive } from '../../local/outbox/local-redrive';
import { dataDirLayout } from '../../local/data-dir';
import { dynamoFaults } from './support/dynamo-faults';
import { sentEmails } from './support/sent-emails';
import { sesOutage } from './support/ses-outage';
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

// The same for SES: every client the notifier makes can be cut off from the mail stand-in.
vi.mock('../../shared/adapters/ses/ses-mailer', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../shared/adapters/ses/ses-mailer')>();
  const { sesOutage: outage } = await import('./support/ses-outage');
  return { ...real, createSesClient: (config: Parameters<typeof real.createSesClient>[0]) => outage.attach(real.createSesClient(config)) };
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
  sesOutage.end();
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

describe('SES unavailable for a while', () => {
  it('keeps the alerts on the dashboard, and once SES is back the redrive sends one email per recipient, none twice', async () => {
    // Prepare: SES out of reach; Hannah records an incident alerting two colleagues
    const recipients = ['daniel.osei@oakfield.example', 'grace.lindqvist@oakfield.example'].map((email) => demoUserWithEmail(email, stack.facts));
    sesOutage.begin(await freePort());
    const recorded = await fetch(`${stack.facts.apiUrl}/v1/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${authorToken}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        studentId: 'pupil-011',
        occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
        description: 'Poppy said she was scared to go home tonight; she would not say why.',
        categories: [{ categoryId: 'first-aid' }],
        alert: { staffIds: recipients.map((recipient) => recipient.id), groupIds: [] },
      }),
    });
    const incidentId = ((await recorded.json()) as { id: string }).id;
    await stack.waitForEventsIdle();
    const refused = sesOutage.refused;
    const dashboards = await Promise.all(
      recipients.map(async (recipient) => {
        const { token } = await signInDemoUser(recipient.email, stack.facts);
        const response = await fetch(`${stack.facts.apiUrl}/v1/alerts?unread=true`, { headers: { authorization: `Bearer ${token}` } });
        return ((await response.json()) as { alerts: { incidentId: string }[] }).alerts.filter((alert) => alert.incidentId === incidentId).length;
      }),
    );
    const lettersDuring = deadLettersAbout(await readFile(dataDirLayout(stack.facts.dataDir).deadLetterLog, 'utf8'), incidentId);
    const emailsDuring = aboutIncident(await sentEmails(stack.facts), incidentId).length;

    // Act: SES is back; the redrive replays the parked deliveries, and is run twice over
    sesOutage.end();
    const first = await localRedrive(stack.facts);
    await stack.waitForEventsIdle();
    const second = await localRedrive(stack.facts);
    await stack.waitForEventsIdle();

    // Assess
    expect(recorded.status).toBe(201);
    // Each recipient's delivery was tried by the bus (and the SDK) and parked, not lost.
    expect(refused).toBeGreaterThanOrEqual(recipients.length * 3);
    expect(lettersDuring).toBe(recipients.length);
    expect(emailsDuring).toBe(0);
    expect(dashboards).toEqual(recipients.map(() => 1));
    expect(first.replayed['bus dead letters']).toBe(recipients.length);
    expect(second.replayed['bus dead letters']).toBe(0);
    const emails = aboutIncident(await sentEmails(stack.facts), incidentId);
    expect(recipients.map((recipient) => emails.filter((email) => email.destination.to.includes(recipient.email)).length)).toEqual(recipients.map(() => 1));
    expect(emails).toHaveLength(recipients.length);
  });
});

function aboutIncident<T extends { body: { text?: string } }>(emails: readonly T[], incidentId: string): T[] {
  return emails.filter((email) => (email.body.text ?? '').includes(`/incidents/${incidentId}`));
}

function deadLettersAbout(log: string, incidentId: string): number {
  return log
    .split('\n')
    .filter(Boolean)
    .filter((line) => (JSON.parse(line) as { ruleId: string; event: { detail: { incidentId?: string } } }).event.detail.incidentId === incidentId).length;
}
