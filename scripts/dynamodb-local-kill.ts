import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { freePort } from '../local/free-port';
import { startDynamoDbLocal } from '../local/services/dynamodb-local';

/**
 * `npx tsx scripts/dynamodb-local-kill.ts [rounds] [writers] [acknowledged]`: the bare
 * DynamoDB Local JVM (as the local stack starts it: -sharedDb -dbPath, no Lantern) under
 * TransactWriteItems from a few writers; once `acknowledged` of them got a 200 it is killed
 * with SIGKILL, started again on the same folder, and every acknowledged transaction read
 * back. Prints what is missing a round. It shows the stand-in's limit the durability test
 * allows for: DynamoDB Local answers a transaction before its SQLite COMMIT runs
 * (SQLiteDBAccess.commitTransaction queues the COMMIT job and returns), so a kill can undo the
 * last transaction it acknowledged, whole. Measured: 1 of 4 rounds lost one (of 30).
 */
const rounds = Number(process.argv[2] ?? 4);
const writers = Number(process.argv[3] ?? 4);
const target = Number(process.argv[4] ?? 30);
const TABLE = 'kill-test';

const clientOf = (endpoint: string) => new DynamoDBClient({ region: 'eu-west-2', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });

async function round(index: number): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'dynamodb-kill-'));
  const start = async () => startDynamoDbLocal({ dbPath: folder, port: await freePort(), pidFile: join(folder, 'pid'), logFile: join(folder, 'log') });
  try {
    const first = await start();
    const before = clientOf(first.endpoint);
    await before.send(
      new CreateTableCommand({
        TableName: TABLE,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
      }),
    );
    const acknowledged: string[] = [];
    let next = 0;
    let stop = false;
    const writer = async (writerIndex: number) => {
      while (!stop) {
        next += 1;
        const id = `${writerIndex}-${next}`;
        try {
          await before.send(
            new TransactWriteItemsCommand({
              TransactItems: [
                { Put: { TableName: TABLE, Item: { pk: { S: `INCIDENT#${id}` }, sk: { S: 'INCIDENT' }, text: { S: 'x'.repeat(500) } }, ConditionExpression: 'attribute_not_exists(pk)' } },
                { Put: { TableName: TABLE, Item: { pk: { S: `INCIDENT#${id}` }, sk: { S: 'ALERT' } } } },
                { Put: { TableName: TABLE, Item: { pk: { S: `OUTBOX#${id}` }, sk: { S: 'OUTBOX' } } } },
              ],
            }),
          );
          acknowledged.push(id);
        } catch {
          return;
        }
      }
    };
    const load = Array.from({ length: writers }, (_, writerIndex) => writer(writerIndex));
    while (acknowledged.length < target) await sleep(5);
    stop = true;
    process.kill(first.pid, 'SIGKILL');
    await Promise.all(load);
    before.destroy();
    await sleep(500);
    const second = await start();
    const after = clientOf(second.endpoint);
    const missing: string[] = [];
    for (const id of acknowledged) {
      for (const [pk, sk] of [[`INCIDENT#${id}`, 'INCIDENT'], [`INCIDENT#${id}`, 'ALERT'], [`OUTBOX#${id}`, 'OUTBOX']] as const) {
        const read = await after.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: pk }, sk: { S: sk } }, ConsistentRead: true }));
        if (!read.Item) missing.push(`${pk}/${sk}`);
      }
    }
    const last = acknowledged.at(-1);
    console.log(`round ${index}: ${acknowledged.length} transactions acknowledged (the last ${last}), ${missing.length} items missing after kill -9 and restart${missing.length ? `: ${missing.join(' ')}` : ''}`);
    after.destroy();
    await second.stop();
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
for (let index = 1; index <= rounds; index += 1) await round(index);
