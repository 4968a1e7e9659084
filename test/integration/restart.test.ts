import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLocalFacts, type LocalFacts } from '../../local/local-facts';
import { startLocalStack, type LocalStack } from '../../local/local-stack';
import { callApi } from './support/call-api';
import { signIn } from './support/sign-in';

/**
 * Runs its own stack (not the shared one) in a data folder of its own, to stop and start
 * it. In one process the handler modules keep the configuration of their first cold
 * start; the restarted stand-ins get the same ports back, so that still holds. Two starts
 * a test take about 10 s on two idle cores; the timeout leaves room for busy machines.
 */
describe('restarting the local stack on the same data folder', () => {
  const running: LocalStack[] = [];
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(running.map((stack) => stack.stop()));
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });
  const start = async (dataDir: string, fresh = false) => {
    const stack = await startLocalStack({ dataDir, port: 0, quiet: true, fresh });
    running.push(stack);
    return stack;
  };

  it('keeps the user pool, the app client, demo users with their authenticators, records and files', async () => {
    // Prepare
    const dataDir = await mkdtemp(join(tmpdir(), 'lantern-restart-'));
    folders.push(dataDir);
    const first = await start(dataDir);
    const before = first.facts;
    await putMarkers(before);
    await first.stop();

    // Act
    const second = await start(dataDir);
    const after = second.facts;

    // Assess
    expect(after.cognito.userPoolId).toBe(before.cognito.userPoolId);
    expect(after.cognito.clientId).toBe(before.cognito.clientId);
    expect(after.users.map(({ email, id, totpSecret }) => ({ email, id, totpSecret }))).toEqual(
      before.users.map(({ email, id, totpSecret }) => ({ email, id, totpSecret })),
    );
    expect(await readLocalFacts(dataDir)).toEqual(after);
    expect(await readMarkers(after)).toEqual({ record: 'kept', file: 'kept' });
    const dsl = after.users.find((user) => user.groups.includes('dsl') && user.totpSecret);
    if (!dsl) throw new Error('no demo DSL with an authenticator');
    const tokens = await signIn(dsl.email, dsl.password, dsl.totpSecret, after);
    const me = await callApi<{ id: string }>('/v1/me', { token: tokens.accessToken, apiUrl: after.apiUrl });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(dsl.id);
    await second.stop();
  }, 120_000);

  it('starts from nothing with --fresh: a new user pool and no old records', async () => {
    // Prepare
    const dataDir = await mkdtemp(join(tmpdir(), 'lantern-fresh-'));
    folders.push(dataDir);
    const first = await start(dataDir);
    await putMarkers(first.facts);
    await first.stop();

    // Act
    const fresh = await start(dataDir, true);

    // Assess
    expect(fresh.facts.cognito.userPoolId).not.toBe(first.facts.cognito.userPoolId);
    expect(await readMarkers(fresh.facts)).toEqual({ record: undefined, file: undefined });
    await fresh.stop();
  }, 120_000);
});

const MARKER_KEY = { pk: { S: 'TEST#restart' }, sk: { S: 'MARKER' } };

function clientsFor(facts: LocalFacts) {
  const common = { region: facts.region, credentials: { ...facts.credentials } };
  return {
    dynamodb: new DynamoDBClient({ ...common, endpoint: facts.dynamodb.endpoint }),
    s3: new S3Client({ ...common, endpoint: facts.s3.endpoint, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' }),
  };
}

async function putMarkers(facts: LocalFacts): Promise<void> {
  const { dynamodb, s3 } = clientsFor(facts);
  await dynamodb.send(new PutItemCommand({ TableName: facts.dynamodb.recordsTable, Item: { ...MARKER_KEY, value: { S: 'kept' } } }));
  await s3.send(new PutObjectCommand({ Bucket: facts.s3.bucket, Key: 'test/restart-marker.txt', Body: 'kept', ContentType: 'text/plain' }));
  dynamodb.destroy();
  s3.destroy();
}

async function readMarkers(facts: LocalFacts): Promise<{ record: string | undefined; file: string | undefined }> {
  const { dynamodb, s3 } = clientsFor(facts);
  const item = await dynamodb.send(new GetItemCommand({ TableName: facts.dynamodb.recordsTable, Key: MARKER_KEY }));
  const file = await s3
    .send(new GetObjectCommand({ Bucket: facts.s3.bucket, Key: 'test/restart-marker.txt' }))
    .then((object) => object.Body?.transformToString(), () => undefined);
  dynamodb.destroy();
  s3.destroy();
  return { record: item.Item?.value?.S, file };
}
