import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import { DynamoOutboxStore } from '../shared/adapters/dynamo/outbox-store';
import { EventBridgePublisher } from '../shared/adapters/eventbridge/eventbridge-publisher';
import { sqsDeadLetterSource } from '../shared/adapters/sqs/sqs-dead-letter-source';
import { createLogger } from '../shared/logging/logger';
import { redrive, type RedriveReport } from '../shared/outbox/redrive';
import { readLocalFacts } from '../local/local-facts';
import { localRedrive } from '../local/outbox/local-redrive';

/**
 * `npm run redrive`: replays what did not get through, and is safe to run again.
 * - Locally (while `npm start` runs): `npm run redrive` (LANTERN_DATA_DIR picks the folder).
 * - Against a school's stack: `AWS_REGION=… RECORDS_TABLE=… EVENT_BUS_NAME=… npm run redrive --
 *   --queue <DeadLetterQueueUrl> --queue <OutboxRelayDeadLetterQueueUrl>` (the stack's outputs).
 * Both first send outbox items still pending after five minutes (`--older-than <minutes>`).
 */
async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const args = process.argv.slice(2);
  const queues = valuesOf(args, '--queue');
  const olderThan = valuesOf(args, '--older-than')[0];
  const options = olderThan === undefined ? {} : { pendingOlderThanMinutes: Number(olderThan) };
  const report = queues.length > 0 ? await awsRedrive(queues, options) : await localRedrive(await localFacts(), options);
  console.log(JSON.stringify(report, null, 2));
}

async function awsRedrive(queueUrls: readonly string[], options: { pendingOlderThanMinutes?: number }): Promise<RedriveReport> {
  const env = z.object({ AWS_REGION: z.string().min(1), RECORDS_TABLE: z.string().min(1), EVENT_BUS_NAME: z.string().min(1) }).parse(process.env);
  const sqs = new SQSClient({ region: env.AWS_REGION });
  return redrive(
    {
      outbox: new DynamoOutboxStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: env.AWS_REGION })), env.RECORDS_TABLE),
      events: new EventBridgePublisher(new EventBridgeClient({ region: env.AWS_REGION }), env.EVENT_BUS_NAME),
      clock: { now: () => new Date() },
      logger: createLogger({ level: 'info' }),
    },
    queueUrls.map((url) => sqsDeadLetterSource(sqs, url)),
    options,
  );
}

async function localFacts() {
  return readLocalFacts(resolve(process.env.LANTERN_DATA_DIR ?? '.lantern')).catch(() => {
    throw new Error('No local.json: start Lantern first with `npm start` (or set LANTERN_DATA_DIR), or pass --queue <url> for a deployed stack.');
  });
}

function valuesOf(args: readonly string[], flag: string): string[] {
  return args.flatMap((arg, index) => (arg === flag && args[index + 1] ? [args[index + 1]!] : []));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
