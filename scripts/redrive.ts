import { resolve } from 'node:path';
import { SQSClient } from '@aws-sdk/client-sqs';
import { loadConfigFor } from '../shared/config/load-config';
import { buildDeps } from '../shared/deps/build-deps';
import { dynamoPorts, outboxStore } from '../shared/deps/dynamo-ports';
import { eventPorts } from '../shared/deps/events';
import { sqsDeadLetterSource } from '../shared/adapters/sqs/sqs-dead-letter-source';
import { redrive, type RedriveReport } from '../shared/outbox/redrive';
import { streamConsumerById } from '../shared/streams/stream-consumers';
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
  // The relay's declaration: its variables, its ports (the outbox items and the bus), nothing else.
  const relay = streamConsumerById('outbox-relay');
  const config = loadConfigFor(relay.uses, process.env);
  const sqs = new SQSClient({ region: config.region });
  return redrive(
    buildDeps(relay.uses, config, { dynamodb: dynamoPorts({ outbox: outboxStore }), eventbridge: eventPorts }, { function: 'redrive' }),
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
