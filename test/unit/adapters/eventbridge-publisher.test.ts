import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { EventBridgePublisher, EventPublishError } from '../../../shared/adapters/eventbridge/eventbridge-publisher';
import type { DomainEvent } from '../../../shared/domain/ports';

const eventBridge = mockClient(EventBridgeClient);

afterEach(() => eventBridge.reset());

const publisher = () => new EventBridgePublisher(new EventBridgeClient({ region: 'eu-west-2' }), 'lantern-events', () => 0);

const alertRaised = (index: number): DomainEvent => ({ id: `event-${index}`, detailType: 'AlertRaised', detail: { alertId: `alert-${index}`, recipientId: `staff-${index}` } });

describe('EventBridgePublisher', () => {
  it('puts each event on the bus with source lantern and JSON detail carrying Lantern\'s event id', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
    const event: DomainEvent = { id: '01JHT00000000000000000E042', detailType: 'IncidentRecorded', detail: { incidentId: '01JHT0000000000000000000042', studentIds: ['s-1'] } };

    // Act
    await publisher().publish([event]);

    // Assess
    expect(eventBridge).toHaveReceivedCommandExactlyOnceWith(PutEventsCommand, {
      Entries: [
        {
          EventBusName: 'lantern-events',
          Source: 'lantern',
          DetailType: 'IncidentRecorded',
          Detail: '{"incidentId":"01JHT0000000000000000000042","studentIds":["s-1"],"eventId":"01JHT00000000000000000E042"}',
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

  it('sends again only the entries PutEvents refused in a 200 response, then succeeds', async () => {
    // Prepare
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 1, Entries: [{ EventId: 'e-1' }, { ErrorCode: 'ThrottlingException', ErrorMessage: 'Slow down' }] })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-2' }] });

    // Act
    await publisher().publish([alertRaised(1), alertRaised(2)]);

    // Assess
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls.map((call) => call.args[0].input.Entries?.map((entry) => JSON.parse(entry.Detail ?? '{}').eventId))).toEqual([['event-1', 'event-2'], ['event-2']]);
  });

  it('throws naming the events still refused after its retries', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({
      FailedEntryCount: 1,
      Entries: input.Entries.length === 2 ? [{ EventId: 'e-1' }, { ErrorCode: 'InternalFailure', ErrorMessage: 'Try again' }] : [{ ErrorCode: 'InternalFailure', ErrorMessage: 'Try again' }],
    }));

    // Act
    const attempt = publisher().publish([alertRaised(1), alertRaised(2)]);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(EventPublishError);
    await expect(attempt).rejects.toThrow('1 event(s) were not accepted: InternalFailure');
    await expect(attempt).rejects.toMatchObject({ failedEventIds: ['event-2'] });
    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 4);
  });

  it('stops at the first batch that stays refused, sending nothing after it', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({ FailedEntryCount: input.Entries.length, Entries: input.Entries.map(() => ({ ErrorCode: 'ThrottlingException' })) }));
    const events = Array.from({ length: 15 }, (_, index) => alertRaised(index));

    // Act
    const attempt = publisher().publish(events);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(EventPublishError);
    const sent = eventBridge.commandCalls(PutEventsCommand).flatMap((call) => call.args[0].input.Entries ?? []);
    expect(new Set(sent.map((entry) => JSON.parse(entry.Detail ?? '{}').eventId)).size).toBe(10);
  });
});
