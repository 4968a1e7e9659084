import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { dataDirLayout } from '../../local/data-dir';
import { readLocalFacts, type LocalFacts } from '../../local/local-facts';
import { startLocalStack, type LocalStack } from '../../local/local-stack';
import { signIn } from '../../local/sign-in';
import { fingerprint } from '../fuzz/table-fingerprint';

/**
 * Issue 18, durability: the local stack runs as a process group of its own (node and the
 * DynamoDB Local JVM) under a load of creates, is killed with SIGKILL, and is started again
 * on the same data folder. Each incident that got a 201 and is there must be unchanged, with
 * its alert and index items, and every event of its outbox delivered; none may be there in
 * part. How many acknowledged incidents are missing is printed (see the note at the end). Delivery is at least
 * once, as the stream and EventBridge are in AWS: a batch put on the bus just before the kill,
 * and not yet checkpointed, is put again after the restart, and consumers absorb it (they
 * are idempotent on the event id; the redrive test in outbox.test.ts counts the emails).
 * The figure printed says how many were sent twice.
 */
const WORKERS = 4;
const ACKNOWLEDGED_BEFORE_KILL = 12;

const folders: string[] = [];
let restarted: LocalStack | undefined;
let child: ReturnType<typeof spawn> | undefined;

afterAll(async () => {
  if (child?.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
  await restarted?.stop();
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function startStackProcess(dataDir: string): Promise<{ pid: number; facts: LocalFacts }> {
  child = spawn(join(process.cwd(), 'node_modules/.bin/tsx'), ['test/integration/support/local-stack-process.ts'], {
    detached: true,
    env: { ...process.env, LANTERN_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const spawned = child;
  await new Promise<void>((resolve, reject) => {
    let output = '';
    spawned.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('READY ')) resolve();
    });
    spawned.once('exit', (code) => reject(new Error(`The stack process exited (${code}) before it was ready`)));
  });
  return { pid: spawned.pid!, facts: await readLocalFacts(dataDir) };
}

async function killGroup(pid: number): Promise<void> {
  process.kill(-pid, 'SIGKILL');
  for (let waited = 0; waited < 100; waited += 1) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    await sleep(100);
  }
  throw new Error(`Process group ${pid} outlived SIGKILL`);
}

const person = (facts: LocalFacts, email: string) => {
  const user = facts.users.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`No demo user ${email}`);
  return user;
};

describe('the local stack killed with SIGKILL mid-load', () => {
  it('leaves every incident whole or absent, each one found unchanged with its alert and index items, and delivers their outbox events after a restart', async () => {
    // Prepare
    const dataDir = await mkdtemp(join(tmpdir(), 'lantern-kill-'));
    folders.push(dataDir);
    const { pid, facts } = await startStackProcess(dataDir);
    const author = person(facts, 'hannah.price@oakfield.example');
    const recipient = person(facts, 'daniel.osei@oakfield.example');
    const token = (await signIn(author.email, author.password, undefined, facts)).accessToken;
    const acknowledged = new Map<string, { description: string }>();
    let sent = 0;
    let killing = false;
    const worker = async (index: number) => {
      while (!killing) {
        sent += 1;
        const description = `Load ${index}-${sent}: Noah said he had not eaten since yesterday lunchtime.`;
        try {
          const response = await fetch(`${facts.apiUrl}/v1/incidents`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            body: JSON.stringify({
              studentId: 'pupil-004',
              occurredAt: new Date(Date.now() - 5 * 60_000).toISOString(),
              description,
              categories: [{ categoryId: 'first-aid' }],
              alert: { staffIds: [recipient.id], groupIds: [] },
            }),
          });
          const body = (await response.json()) as { id?: string };
          if (response.status === 201 && body.id) acknowledged.set(body.id, { description });
        } catch {
          // In flight when the stack died: never acknowledged, so nothing is owed.
          return;
        }
      }
    };

    // Act
    const load = Array.from({ length: WORKERS }, (_, index) => worker(index));
    while (acknowledged.size < ACKNOWLEDGED_BEFORE_KILL) await sleep(20);
    killing = true;
    await killGroup(pid);
    await Promise.all(load);
    restarted = await startLocalStack({ dataDir, port: 0, quiet: true });
    await restarted.waitForEventsIdle();
    const after = restarted.facts;
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: after.region, endpoint: after.dynamodb.endpoint, credentials: { ...after.credentials } }));
    const items = [...(await fingerprint(documents, after.dynamodb.recordsTable)).items.values()];
    documents.destroy();
    const newToken = (await signIn(author.email, author.password, undefined, after)).accessToken;
    const readBack = await Promise.all(
      [...acknowledged.keys()].map(async (id) => {
        const response = await fetch(`${after.apiUrl}/v1/incidents/${id}`, { headers: { authorization: `Bearer ${newToken}` } });
        return { id, status: response.status, description: ((await response.json()) as { description?: string }).description };
      }),
    );
    const busEvents = (await readFile(dataDirLayout(dataDir).eventsLog, 'utf8'))
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { detail?: { eventId?: string } });

    // Assess
    expect(acknowledged.size).toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL);
    const found = readBack.filter((entry) => entry.status === 200);
    const lost = readBack.filter((entry) => entry.status !== 200).map((entry) => entry.id);
    expect(found.length).toBeGreaterThan(0);
    // An incident found after the kill is whole and unchanged: incident, alert and timeline entry.
    expect(found.filter((entry) => entry.description !== acknowledged.get(entry.id)?.description)).toEqual([]);
    for (const { id } of found) {
      const of = items.filter((item) => item.incidentId === id || item.pk === `INCIDENT#${id}`);
      expect(of.filter((item) => item.pk === `INCIDENT#${id}` && item.sk === 'INCIDENT'), id).toHaveLength(1);
      expect(of.filter((item) => String(item.sk).startsWith('ALERT#') && item.recipientId === recipient.id), id).toHaveLength(1);
      expect(of.filter((item) => String(item.sk).startsWith('TIMELINE#')), id).toHaveLength(1);
    }
    // One that is not found left nothing behind either: never half an incident.
    expect(items.filter((item) => lost.includes(String(item.incidentId)) || lost.some((id) => item.pk === `INCIDENT#${id}`))).toEqual([]);
    const outbox = items.filter((item) => item.type === 'OutboxBatch');
    const foundIds = new Set(found.map((entry) => entry.id));
    const ownEvents = outbox.flatMap((item) => item.events as { id: string; detail: { incidentId?: string } }[]).filter((event) => foundIds.has(event.detail.incidentId ?? ''));
    expect(outbox.filter((item) => item.gsi1pk !== undefined)).toEqual([]);
    expect(ownEvents.length).toBeGreaterThanOrEqual(found.length);
    const timesOnBus = (eventId: string) => busEvents.filter((event) => event.detail?.eventId === eventId).length;
    expect(ownEvents.filter((event) => timesOnBus(event.id) === 0).map((event) => event.id)).toEqual([]);
    const twice = ownEvents.filter((event) => timesOnBus(event.id) > 1).length;
    // Printed, not asserted: DynamoDB Local, killed with SIGKILL, has once lost the last
    // acknowledged write (1 of 12 in one run of several). DynamoDB in AWS acknowledges a
    // transaction only once it is durable; the README says this is not proved here.
    console.log(`[kill] ${acknowledged.size} incidents acknowledged of ${sent} sent, ${found.length} found after the restart, ${lost.length} lost; ${ownEvents.length} outbox events all on the bus, ${twice} of them twice (redelivered after the kill)`);
  }, 240_000);
});
