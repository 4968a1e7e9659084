import { loadConfig } from '../../shared/config/load-config';
import { createDocumentClient } from '../../shared/adapters/dynamo/document-client';
import { DynamoOutboxStore } from '../../shared/adapters/dynamo/outbox-store';
import { EventBridgePublisher, createEventBridgeClient } from '../../shared/adapters/eventbridge/eventbridge-publisher';
import { createLogger } from '../../shared/logging/logger';
import { outboxRelayHandler } from '../../shared/outbox/outbox-relay-handler';
import type { RelayDeps } from '../../shared/outbox/outbox-ports';

let deps: RelayDeps | undefined;

/** Built once per cold start: the records table (to mark delivery) and the bus, nothing else. */
function relayDeps(): RelayDeps {
  if (!deps) {
    const config = loadConfig(process.env);
    deps = {
      outbox: new DynamoOutboxStore(createDocumentClient(config), config.tables.records),
      bus: new EventBridgePublisher(createEventBridgeClient(config), config.eventBusName),
      clock: { now: () => new Date() },
      logger: createLogger({ level: config.logLevel, fields: { school: config.school.id, function: 'outbox-relay' } }),
    };
  }
  return deps;
}

export const handler = outboxRelayHandler(relayDeps);
