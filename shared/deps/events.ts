import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { EventBridgePublisher, createEventBridgeClient } from '../adapters/eventbridge/eventbridge-publisher';
import { declared, type AdapterFactory } from './adapter-factory';

/** The school's event bus. */
export const eventPorts: AdapterFactory<'eventbridge'> = {
  service: 'eventbridge',
  build: (config, uses) => eventPortsOn(createEventBridgeClient({ region: declared(config.region, 'AWS_REGION'), endpoints: config.endpoints })).build(config, uses),
};

/** The same port on a client the caller owns (and closes): the local redrive's. */
export const eventPortsOn = (client: EventBridgeClient): AdapterFactory<'eventbridge'> => ({
  service: 'eventbridge',
  build: (config) => ({ events: new EventBridgePublisher(client, declared(config.eventBusName, 'EVENT_BUS_NAME')) }),
});
