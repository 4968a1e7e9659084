import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { EventBridgePublisher, EventPublishError } from '../../../shared/adapters/eventbridge/eventbridge-publisher';
import type { DomainEvent } from '../../../shared/domain/ports';

const eventBridge = mockClient(EventBridgeClient);

afterEach(() => eventBridge.reset());

const publisher = () => new EventBridgePublisher(new EventBridgeClient({ region: 'eu-west-2' }), 'lantern-events');

const alertRaised = (index: number): DomainEvent => ({ detailType: 'AlertRaised', detail: { alertId: `alert-${index}`, recipientId: `staff-${index}` } });

describe('EventBridgePublisher', () => {
  it('puts each event on the bus with source lantern and JSON detail', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
    const event: DomainEvent = { detailType: 'IncidentRecorded', detail: { incidentId: '01JHT0000000000000000000042', studentIds: ['s-1'] } };

    // Act
    await publisher().publish([event]);

    // Assess
    expect(eventBridge).toHaveReceivedCommandExactlyOnceWith(PutEventsCommand, {
      Entries: [
        {
          EventBusName: 'lantern-events',
          Source: 'lantern',
          DetailType: 'IncidentRecorded',
          Detail: '{"incidentId":"01JHT0000000000000000000042","studentIds":["s-1"]}',
        },
      ],
    });
  });

  it('sends 23 events in batches of ten', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0 });
    const events = Array.from({ length: 23 }, (_, index) => alertRaised(index));

    // Act
    await publisher().publish(events);

    // Assess
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls.map((call) => call.args[0].input.Entries?.length)).toEqual([10, 10, 3]);
    const sentIds = calls.flatMap((call) => call.args[0].input.Entries ?? []).map((entry) => JSON.parse(entry.Detail ?? '{}').alertId);
    expect(sentIds).toEqual(events.map((event) => (event.detail as { alertId: string }).alertId));
  });

  it('sends nothing for no events', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0 });

    // Act
    await publisher().publish([]);

    // Assess
    expect(eventBridge).not.toHaveReceivedCommand(PutEventsCommand);
  });

  it('throws when EventBridge reports failed entries in a 200 response', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ EventId: 'e-1' }, { ErrorCode: 'InternalFailure', ErrorMessage: 'Try again' }],
    });

    // Act
    const attempt = publisher().publish([alertRaised(1), alertRaised(2)]);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(EventPublishError);
    await expect(attempt).rejects.toThrow('1 event(s) were not accepted: InternalFailure');
  });

  it('stops at the first batch with failures', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolvesOnce({ FailedEntryCount: 2, Entries: [{ ErrorCode: 'ThrottlingException' }, { ErrorCode: 'ThrottlingException' }] }).resolves({ FailedEntryCount: 0 });
    const events = Array.from({ length: 15 }, (_, index) => alertRaised(index));

    // Act
    const attempt = publisher().publish(events);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(EventPublishError);
    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 1);
  });
});
