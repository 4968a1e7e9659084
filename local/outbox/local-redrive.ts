import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoOutboxStore } from '../../shared/adapters/dynamo/outbox-store';
import { EventBridgePublisher } from '../../shared/adapters/eventbridge/eventbridge-publisher';
import { createLogger } from '../../shared/logging/logger';
import { redrive, type RedriveOptions, type RedriveReport } from '../../shared/outbox/redrive';
import { dataDirLayout } from '../data-dir';
import type { LocalFacts } from '../local-facts';
import { deadLetterFileSource } from './dead-letter-file-source';

/**
 * The redrive against the running local twin: sweeps the outbox's pending items, then
 * replays the bus's `dead-letter.jsonl` and settles the poller's `outbox-dead-letter.jsonl`,
 * through the same redrive the AWS script runs.
 */
export async function localRedrive(facts: LocalFacts, options: RedriveOptions & { readonly deadLetterLog?: string } = {}): Promise<RedriveReport> {
  const layout = dataDirLayout(facts.dataDir);
  const credentials = { accessKeyId: facts.credentials.accessKeyId, secretAccessKey: facts.credentials.secretAccessKey };
  const dynamodb = new DynamoDBClient({ region: facts.region, endpoint: facts.dynamodb.endpoint, credentials });
  const eventBridge = new EventBridgeClient({ region: facts.region, endpoint: facts.events.endpoint, credentials });
  try {
    return await redrive(
      {
        outbox: new DynamoOutboxStore(DynamoDBDocumentClient.from(dynamodb), facts.dynamodb.recordsTable),
        events: new EventBridgePublisher(eventBridge, facts.events.busName),
        clock: { now: () => new Date() },
        logger: createLogger({ level: 'warn' }),
      },
      [deadLetterFileSource('bus dead letters', options.deadLetterLog ?? layout.deadLetterLog), deadLetterFileSource('relay dead letters', layout.outboxDeadLetterLog)],
      options,
    );
  } finally {
    dynamodb.destroy();
    eventBridge.destroy();
  }
}
