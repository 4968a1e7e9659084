import { EventBridgePublisher, createEventBridgeClient } from '../adapters/eventbridge/eventbridge-publisher';
import { declared, type AdapterFactory } from './adapter-factory';

/** The school's event bus. */
export const eventPorts: AdapterFactory<'eventbridge'> = {
  service: 'eventbridge',
  build: (config) => ({
    events: new EventBridgePublisher(
      createEventBridgeClient({ region: declared(config.region, 'AWS_REGION'), endpoints: config.endpoints }),
      declared(config.eventBusName, 'EVENT_BUS_NAME'),
    ),
  }),
};
