import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { LocalStackError } from './local-stack-error';

/** Where the local twin keeps everything that must survive a restart. */
export interface DataDirLayout {
  readonly root: string;
  /** DynamoDB Local's `-sharedDb` file lives here. */
  readonly dynamodb: string;
  /** s3rver's bucket directories. */
  readonly s3: string;
  /** cognito-local's StormDB files (user pools, clients). */
  readonly cognito: string;
  readonly logs: string;
  /** Ids and ports of what was provisioned, reused on the next start. */
  readonly stateFile: string;
  /** The facts scripts and tests read: URLs, pool ids, demo users. */
  readonly factsFile: string;
  /** Every event put on the local bus, one JSON object a line. */
  readonly eventsLog: string;
  /** Deliveries that failed after every retry: the local dead-letter queue. */
  readonly deadLetterLog: string;
  /** Each bus delivery that is over, so one cut short by a kill is made again on the next start. */
  readonly deliveriesLog: string;
  /** Pid of the DynamoDB Local JVM, to clean up after a parent that was killed. */
  readonly dynamodbPidFile: string;
  /** Planner reminders waiting to fire (the local EventBridge Scheduler). */
  readonly schedulesFile: string;
  /** The key that signs page cursors, made on first start. */
  readonly cursorKeyFile: string;
  /** How far the outbox poller has read the records table's stream, per shard. */
  readonly outboxCheckpointFile: string;
  /** Stream records the outbox poller gave up on: the relay's dead-letter queue. */
  readonly outboxDeadLetterLog: string;
}

const ENTRIES = ['dynamodb', 's3', 'cognito', 'logs', 'state.json', 'local.json', 'events.jsonl', 'dead-letter.jsonl', 'deliveries.jsonl', 'dynamodb.pid', 'schedules.json', 'cursor-key', 'outbox-checkpoint.json', 'outbox-checkpoint.json.tmp', 'outbox-dead-letter.jsonl'] as const;

export function dataDirLayout(root: string): DataDirLayout {
  const absolute = resolve(root);
  return {
    root: absolute,
    dynamodb: join(absolute, 'dynamodb'),
    s3: join(absolute, 's3'),
    cognito: join(absolute, 'cognito'),
    logs: join(absolute, 'logs'),
    stateFile: join(absolute, 'state.json'),
    factsFile: join(absolute, 'local.json'),
    eventsLog: join(absolute, 'events.jsonl'),
    deadLetterLog: join(absolute, 'dead-letter.jsonl'),
    deliveriesLog: join(absolute, 'deliveries.jsonl'),
    dynamodbPidFile: join(absolute, 'dynamodb.pid'),
    schedulesFile: join(absolute, 'schedules.json'),
    cursorKeyFile: join(absolute, 'cursor-key'),
    outboxCheckpointFile: join(absolute, 'outbox-checkpoint.json'),
    outboxDeadLetterLog: join(absolute, 'outbox-dead-letter.jsonl'),
  };
}

/** Creates the folders; with `fresh`, first wipes what an earlier run left. */
export async function prepareDataDir(root: string, options: { fresh: boolean }): Promise<DataDirLayout> {
  const layout = dataDirLayout(root);
  if (options.fresh) await wipe(layout);
  await Promise.all([layout.dynamodb, layout.s3, layout.cognito, layout.logs].map((folder) => mkdir(folder, { recursive: true })));
  return layout;
}

/**
 * Deletes only what the local twin writes, and refuses a folder holding anything else:
 * `LANTERN_DATA_DIR=~ npm start -- --fresh` must not empty someone's home directory.
 */
async function wipe(layout: DataDirLayout): Promise<void> {
  const present = await readdir(layout.root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const known = new Set<string>(ENTRIES);
  const foreign = present.filter((name) => !known.has(name));
  if (foreign.length > 0) {
    throw new LocalStackError(
      `Refusing to wipe ${layout.root} for --fresh: it holds files the local twin did not write (${foreign.slice(0, 5).join(', ')}). ` +
        'Point LANTERN_DATA_DIR at a folder used only by Lantern.',
    );
  }
  await Promise.all(present.map((name) => rm(join(layout.root, name), { recursive: true, force: true })));
}
