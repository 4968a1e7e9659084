import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, readFile } from 'node:fs/promises';
import { dataDirLayout, prepareDataDir } from './data-dir';
import type { LocalFacts } from './local-facts';
import { LocalStackError } from './local-stack-error';
import { startLocalStack } from './local-stack';
import { signIn } from './sign-in';

/** What the drill did and found: the proof a snapshot brings the records back. */
export interface RestoreDrillReport {
  readonly snapshotDir: string;
  /** Recorded before the snapshot: must be back after the restore, with its alert. */
  readonly before: { readonly incidentId: string; readonly alertId: string };
  /** Recorded after the snapshot: a restore to the snapshot's moment must not have it. */
  readonly afterSnapshotIncidentId: string;
  readonly restored: { readonly incidentBack: boolean; readonly descriptionUnchanged: boolean; readonly alertBack: boolean; readonly laterIncidentGone: boolean };
  readonly seconds: number;
}

export interface RestoreDrillOptions {
  readonly dataDir: string;
  /** Where the snapshot is copied; a sibling of the data folder by default. It is kept. */
  readonly snapshotDir?: string;
  readonly log?: (line: string) => void;
}

const AUTHOR = 'Hannah Price';
const RECIPIENT = 'Daniel Osei';
const PUPIL_ID = 'pupil-003';

/**
 * The local rehearsal of docs/restore.md: start the stack and record an incident (with an
 * alert to a colleague); stop it and snapshot the data folder; start again and record a
 * second incident (what happened after the snapshot); stop, put the snapshot back, start,
 * and prove the first incident and its alert are back, unchanged, and the second is not.
 * Every copy is taken or restored with the stack stopped: DynamoDB Local's file is only
 * consistent then, as a table restore in AWS starts from a consistent point.
 */
export async function runRestoreDrill(options: RestoreDrillOptions): Promise<RestoreDrillReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const layout = dataDirLayout(options.dataDir);
  const snapshotDir = options.snapshotDir ?? `${layout.root}-snapshot-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await refuseRunningStack(layout.dynamodbPidFile);

  log(`1/5 starting the local stack on ${layout.root} and recording an incident`);
  const before = await withStack(layout.root, async (facts) => {
    const incident = await recordIncident(facts, 'Isla said she was worried about walking home alone (before the snapshot).');
    const alertId = await alertFor(facts, incident.id);
    if (!alertId) throw new LocalStackError(`The drill's first incident ${incident.id} raised no alert for ${RECIPIENT}.`);
    return { incidentId: incident.id, description: incident.description, alertId };
  });

  log(`2/5 stack stopped; snapshot of the data folder to ${snapshotDir}`);
  await cp(layout.root, snapshotDir, { recursive: true, errorOnExist: true, force: false });

  log('3/5 starting again and recording a second incident, after the snapshot');
  const afterSnapshotIncidentId = await withStack(layout.root, async (facts) => (await recordIncident(facts, 'Isla was collected late again (after the snapshot).')).id);

  log('4/5 stack stopped; restoring the snapshot over the data folder');
  await prepareDataDir(layout.root, { fresh: true });
  await cp(snapshotDir, layout.root, { recursive: true, force: true });

  log('5/5 starting on the restored data and checking the records');
  const restored = await withStack(layout.root, async (facts) => {
    const author = await tokenOf(facts, AUTHOR);
    const first = await api<{ description?: string }>(facts, `/v1/incidents/${before.incidentId}`, author);
    const later = await api(facts, `/v1/incidents/${afterSnapshotIncidentId}`, author);
    return {
      incidentBack: first.status === 200,
      descriptionUnchanged: first.body.description === before.description,
      alertBack: (await alertFor(facts, before.incidentId)) === before.alertId,
      laterIncidentGone: later.status === 404,
    };
  });
  const report = { snapshotDir, before: { incidentId: before.incidentId, alertId: before.alertId }, afterSnapshotIncidentId, restored, seconds: Math.round((Date.now() - started) / 1000) };
  log(`restored: incident ${restored.incidentBack ? 'back' : 'MISSING'}, text ${restored.descriptionUnchanged ? 'unchanged' : 'CHANGED'}, alert ${restored.alertBack ? 'back' : 'MISSING'}, later incident ${restored.laterIncidentGone ? 'gone' : 'STILL THERE'} (${report.seconds} s)`);
  return report;
}

/** A drill over a running `npm start` would fight it for the database file: refuse. */
async function refuseRunningStack(pidFile: string): Promise<void> {
  const pid = Number.parseInt(await readFile(pidFile, 'utf8').catch(() => ''), 10);
  if (Number.isInteger(pid) && pid > 0 && existsSync(`/proc/${pid}`)) {
    throw new LocalStackError(`A local stack is running on this data folder (DynamoDB Local pid ${pid}): stop npm start before the drill.`);
  }
}

async function withStack<T>(dataDir: string, use: (facts: LocalFacts) => Promise<T>): Promise<T> {
  const stack = await startLocalStack({ dataDir, port: 0, quiet: true });
  try {
    const result = await use(stack.facts);
    // Deliveries still in flight (the outbox, the notifier) finish before the stop.
    await stack.waitForEventsIdle();
    return result;
  } finally {
    await stack.stop();
  }
}

async function tokenOf(facts: LocalFacts, name: string): Promise<string> {
  const user = facts.users.find((candidate) => `${candidate.givenName} ${candidate.familyName}` === name);
  if (!user) throw new LocalStackError(`The demo school has no ${name}`);
  return (await signIn(user.email, user.password, user.totpSecret, facts)).accessToken;
}

async function recordIncident(facts: LocalFacts, description: string): Promise<{ id: string; description: string }> {
  const recipient = facts.users.find((candidate) => `${candidate.givenName} ${candidate.familyName}` === RECIPIENT);
  const created = await api<{ id?: string }>(facts, '/v1/incidents', await tokenOf(facts, AUTHOR), {
    method: 'POST',
    headers: { 'idempotency-key': randomUUID() },
    body: {
      studentId: PUPIL_ID,
      occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      description,
      categories: [{ categoryId: 'first-aid' }],
      alert: { staffIds: [recipient?.id], groupIds: [] },
    },
  });
  if (created.status !== 201 || !created.body.id) throw new LocalStackError(`The drill could not record an incident: ${created.status} ${JSON.stringify(created.body)}`);
  return { id: created.body.id, description };
}

async function alertFor(facts: LocalFacts, incidentId: string): Promise<string | undefined> {
  const alerts = await api<{ alerts?: { id: string; incidentId: string }[] }>(facts, '/v1/alerts', await tokenOf(facts, RECIPIENT));
  return alerts.body.alerts?.find((alert) => alert.incidentId === incidentId)?.id;
}

async function api<T = unknown>(facts: LocalFacts, path: string, token: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${facts.apiUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}
