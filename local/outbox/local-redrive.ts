import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { loadConfigFor } from '../../shared/config/load-config';
import { buildDeps } from '../../shared/deps/build-deps';
import { dynamoPortsOn, outboxStore } from '../../shared/deps/dynamo-ports';
import { eventPortsOn } from '../../shared/deps/events';
import { redrive, type RedriveOptions, type RedriveReport } from '../../shared/outbox/redrive';
import { streamConsumerById } from '../../shared/streams/stream-consumers';
import { dataDirLayout } from '../data-dir';
import { declaredEnvironment, handlerEnvironment } from '../handler-environment';
import type { LocalFacts } from '../local-facts';
import { deadLetterFileSource } from './dead-letter-file-source';

/**
 * The redrive against the running local twin: sweeps the outbox's pending items, then
 * replays the bus's `dead-letter.jsonl` and settles the poller's `outbox-dead-letter.jsonl`,
 * through the same redrive the AWS script runs, with the ports of the relay's declaration.
 */
export async function localRedrive(facts: LocalFacts, options: RedriveOptions & { readonly deadLetterLog?: string } = {}): Promise<RedriveReport> {
  const layout = dataDirLayout(facts.dataDir);
  const relay = streamConsumerById('outbox-relay');
  // The relay's declaration reads no cursor key, so none is handed over.
  const config = loadConfigFor(relay.uses, declaredEnvironment(handlerEnvironment(facts, { logLevel: 'warn', cursorKey: '' }), relay.uses));
  // Clients of its own (not the factories'), so it can close them when done.
  const credentials = { accessKeyId: facts.credentials.accessKeyId, secretAccessKey: facts.credentials.secretAccessKey };
  const dynamodb = new DynamoDBClient({ region: facts.region, endpoint: facts.dynamodb.endpoint, credentials });
  const eventBridge = new EventBridgeClient({ region: facts.region, endpoint: facts.events.endpoint, credentials });
  try {
    return await redrive(
      buildDeps(relay.uses, config, { dynamodb: dynamoPortsOn(DynamoDBDocumentClient.from(dynamodb), { outbox: outboxStore }), eventbridge: eventPortsOn(eventBridge) }, { function: 'redrive' }),
      [deadLetterFileSource('bus dead letters', options.deadLetterLog ?? layout.deadLetterLog), deadLetterFileSource('relay dead letters', layout.outboxDeadLetterLog)],
      options,
    );
  } finally {
    dynamodb.destroy();
    eventBridge.destroy();
  }
}
