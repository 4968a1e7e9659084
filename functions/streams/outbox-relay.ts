import { loadConfigFor } from '../../shared/config/load-config';
import { functionEnvironment } from '../../shared/config/environment-source';
import { buildDeps } from '../../shared/deps/build-deps';
import { dynamoPorts, outboxStore } from '../../shared/deps/dynamo-ports';
import { eventPorts } from '../../shared/deps/events';
import { outboxRelayHandler } from '../../shared/outbox/outbox-relay-handler';
import type { RelayDeps } from '../../shared/outbox/outbox-ports';
import { streamConsumerById } from '../../shared/streams/stream-consumers';

const relay = streamConsumerById('outbox-relay');

// Once per cold start, from its declaration: the outbox items (to mark delivery) and the bus, nothing else.
const ports = buildDeps(relay.uses, loadConfigFor(relay.uses, functionEnvironment()), { dynamodb: dynamoPorts({ outbox: outboxStore }), eventbridge: eventPorts }, { function: relay.id });
const deps: RelayDeps = ports;

export const handler = outboxRelayHandler(() => deps);
