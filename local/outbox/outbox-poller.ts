import { appendFile, readFile, rename, writeFile } from 'node:fs/promises';
import {
  DescribeStreamCommand,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type DynamoDBStreamsClient,
  type GetRecordsCommandOutput,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { passesOutboxFilter } from '../../shared/outbox/outbox-stream-filter';

/**
 * Lambda's DynamoDB event source, on this machine: reads the records table's stream on
 * DynamoDB Local, passes the records the CDK filter would (new outbox items) to the same
 * relay handler module the stack's relay function runs, and retries from the first failed
 * record as `reportBatchItemFailures` does. Its position in each shard is saved to a
 * checkpoint file after every batch, so a stack stopped (or killed) between a commit and
 * its delivery resumes where it left off: nothing is lost, and at most the batch in flight
 * is delivered twice, which the idempotent consumers absorb.
 */
export interface OutboxPollerOptions {
  readonly streams: DynamoDBStreamsClient;
  readonly streamArn: string;
  readonly checkpointFile: string;
  /** Where a batch goes once every retry failed, as the relay's SQS dead-letter queue would hold it. */
  readonly deadLetterLog: string;
  readonly relay: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;
  /** Retries after the first attempt; the stack's event source declares its own. */
  readonly retryAttempts?: number;
  readonly retryDelayMs?: (retry: number) => number;
  readonly pollMs?: number;
  readonly log?: (message: string) => void;
}

export interface OutboxPoller {
  /** Resolves once a poll that began after the call found nothing new to deliver. */
  drained(): Promise<void>;
  stop(): Promise<void>;
}

interface OutboxCheckpoint {
  readonly streamArn: string;
  /** The last sequence number handled in each shard. */
  readonly shards: Readonly<Record<string, string>>;
}

/** What the dead-letter log keeps: where the batch was, like Lambda's DDBStreamBatchInfo. */
interface OutboxDeadLetter {
  readonly streamArn: string;
  readonly shardId: string;
  readonly startSequenceNumber: string;
  readonly endSequenceNumber: string;
  readonly batchSize: number;
  readonly failedAt: string;
}

const DEFAULT_OUTBOX_RETRY_ATTEMPTS = 3;
const BATCH_SIZE = 100;

export async function startOutboxPoller(options: OutboxPollerOptions): Promise<OutboxPoller> {
  const retryAttempts = options.retryAttempts ?? DEFAULT_OUTBOX_RETRY_ATTEMPTS;
  const retryDelayMs = options.retryDelayMs ?? ((retry: number) => 100 * 2 ** (retry - 1));
  const pollMs = options.pollMs ?? 200;
  const log = options.log ?? ((message: string) => console.error(message));
  const positions = new Map(Object.entries(await readCheckpoint(options.checkpointFile, options.streamArn)));
  const iterators = new Map<string, string>();
  const closedShards = new Set<string>();
  let waiting: (() => void)[] = [];
  let stopping = false;
  let wake: (() => void) | undefined;

  const saveCheckpoint = async () => {
    const checkpoint: OutboxCheckpoint = { streamArn: options.streamArn, shards: Object.fromEntries(positions) };
    // Write then rename: a kill mid-write leaves the previous checkpoint, never half of one.
    await writeFile(`${options.checkpointFile}.tmp`, JSON.stringify(checkpoint, null, 2));
    await rename(`${options.checkpointFile}.tmp`, options.checkpointFile);
  };

  async function shardIterator(shard: Shard): Promise<string | undefined> {
    const shardId = shard.ShardId!;
    const after = positions.get(shardId);
    try {
      const result = await options.streams.send(
        new GetShardIteratorCommand({
          StreamArn: options.streamArn,
          ShardId: shardId,
          ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }),
        }),
      );
      return result.ShardIterator;
    } catch (error) {
      if (!(error instanceof TrimmedDataAccessException) || !after) throw error;
      // Stopped for longer than the stream keeps records (24 hours): read what is left; the
      // redrive finds anything older through the outbox's pending index.
      log(`[outbox] the stream no longer holds records after ${after} in ${shardId}; reading from the oldest it has (run the redrive)`);
      positions.delete(shardId);
      return shardIterator(shard);
    }
  }

  /** Relays one batch with retries; true when it may be checkpointed past. */
  async function deliver(shardId: string, records: readonly StreamRecord[]): Promise<boolean> {
    let remaining = records.filter((record) => passesOutboxFilter(record as Parameters<typeof passesOutboxFilter>[0]));
    for (let attempt = 0; attempt <= retryAttempts && remaining.length > 0; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt)));
      // Stopping mid-retry: leave the checkpoint where it is, so the next start delivers it.
      if (stopping) return false;
      let failedSequenceNumber: string | undefined;
      try {
        const response = await options.relay({ Records: remaining.map((record) => lambdaRecord(record, options.streamArn)) });
        failedSequenceNumber = response.batchItemFailures[0]?.itemIdentifier;
      } catch (error) {
        log(`[outbox] relay failed: ${(error as Error).message}`);
        failedSequenceNumber = remaining[0]?.dynamodb?.SequenceNumber;
      }
      if (!failedSequenceNumber) return true;
      const from = remaining.findIndex((record) => record.dynamodb?.SequenceNumber === failedSequenceNumber);
      remaining = from >= 0 ? remaining.slice(from) : remaining;
    }
    if (remaining.length === 0) return true;
    const letter: OutboxDeadLetter = {
      streamArn: options.streamArn,
      shardId,
      startSequenceNumber: remaining[0]!.dynamodb!.SequenceNumber!,
      endSequenceNumber: remaining[remaining.length - 1]!.dynamodb!.SequenceNumber!,
      batchSize: remaining.length,
      failedAt: new Date().toISOString(),
    };
    log(`[outbox] ${remaining.length} outbox item(s) in ${shardId} not delivered after ${retryAttempts + 1} attempts (dead-lettered; \`npm run redrive\` sends them)`);
    await appendFile(options.deadLetterLog, `${JSON.stringify(letter)}\n`);
    return true;
  }

  /** One pass over every open shard; true when it found records. */
  async function pollOnce(): Promise<boolean> {
    const shards = await listShards(options.streams, options.streamArn);
    let found = false;
    for (const shard of shards) {
      const shardId = shard.ShardId!;
      if (stopping) break;
      if (closedShards.has(shardId)) continue;
      const iterator = iterators.get(shardId) ?? (await shardIterator(shard));
      if (!iterator) continue;
      let page: GetRecordsCommandOutput;
      try {
        page = await options.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: BATCH_SIZE }));
      } catch (error) {
        if (error instanceof ExpiredIteratorException) {
          iterators.delete(shardId);
          continue;
        }
        throw error;
      }
      const records = page.Records ?? [];
      if (records.length > 0) {
        found = true;
        if (!(await deliver(shardId, records))) return found;
        positions.set(shardId, records[records.length - 1]!.dynamodb!.SequenceNumber!);
        await saveCheckpoint();
      }
      if (page.NextShardIterator) iterators.set(shardId, page.NextShardIterator);
      else {
        iterators.delete(shardId);
        closedShards.add(shardId);
      }
    }
    return found;
  }

  const loop = (async () => {
    while (!stopping) {
      const waiters = waiting;
      waiting = [];
      let found = false;
      try {
        found = await pollOnce();
      } catch (error) {
        if (!stopping) log(`[outbox] reading the stream failed: ${(error as Error).message}`);
      }
      if (found) waiting.unshift(...waiters);
      else for (const resolve of waiters) resolve();
      if (!found && !stopping) await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, pollMs).unref();
      });
    }
    for (const resolve of waiting) resolve();
  })();

  return {
    drained: () => (stopping ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
    stop: async () => {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}

async function listShards(streams: DynamoDBStreamsClient, streamArn: string): Promise<Shard[]> {
  const shards: Shard[] = [];
  let start: string | undefined;
  do {
    const page = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }));
    shards.push(...(page.StreamDescription?.Shards ?? []));
    start = page.StreamDescription?.LastEvaluatedShardId;
  } while (start);
  return shards;
}

/** The record as Lambda hands it to a function: the same fields, the time in epoch seconds. */
function lambdaRecord(record: StreamRecord, streamArn: string): DynamoDBRecord {
  const created = record.dynamodb?.ApproximateCreationDateTime;
  return {
    ...(record as unknown as DynamoDBRecord),
    eventSourceARN: streamArn,
    dynamodb: {
      ...(record.dynamodb as unknown as DynamoDBRecord['dynamodb']),
      ...(created ? { ApproximateCreationDateTime: Math.floor(new Date(created).getTime() / 1000) } : {}),
    },
  };
}

async function readCheckpoint(file: string, streamArn: string): Promise<Record<string, string>> {
  try {
    const checkpoint = JSON.parse(await readFile(file, 'utf8')) as OutboxCheckpoint;
    // A checkpoint of another stream (the table was made again) says nothing about this one.
    return checkpoint.streamArn === streamArn ? { ...checkpoint.shards } : {};
  } catch {
    return {};
  }
}
