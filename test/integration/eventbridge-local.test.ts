import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusEvent } from '../../local/events/event-dispatcher';
import { startEventBridgeLocal, type EventBridgeLocal } from '../../local/services/eventbridge-local';
import type { EventRuleDefinition } from '../../shared/events/rules';

/**
 * The local PutEvents endpoint driven by the real @aws-sdk/client-eventbridge, with fake
 * consumers in place of the catalogue's handlers.
 */
describe('local EventBridge endpoint', () => {
  const rules: EventRuleDefinition[] = [
    { id: 'notify-alerted', entry: 'fake', pattern: { source: ['lantern'], 'detail-type': ['IncidentRecorded'] }, description: 'works', uses: [] },
    { id: 'broken-consumer', entry: 'fake', pattern: { source: ['lantern'], 'detail-type': ['ReminderDue'] }, description: 'always fails', uses: [] },
  ];
  const received: { ruleId: string; event: BusEvent }[] = [];
  let folder: string;
  let bus: EventBridgeLocal;
  let client: EventBridgeClient;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'lantern-events-'));
    bus = await startEventBridgeLocal({
      port: 0,
      region: 'eu-west-2',
      eventBusName: 'lantern',
      rules,
      eventsLog: join(folder, 'events.jsonl'),
      deadLetterLog: join(folder, 'dead-letter.jsonl'),
      invoke: async (rule, event) => {
        received.push({ ruleId: rule.id, event });
        if (rule.id === 'broken-consumer') throw new Error('reminder service unavailable');
      },
    });
    client = new EventBridgeClient({ region: 'eu-west-2', endpoint: bus.endpoint, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  });
  afterAll(async () => {
    client.destroy();
    await bus.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('accepts PutEvents from the AWS SDK, records the event and delivers it to the matching consumer', async () => {
    // Act
    const result = await client.send(
      new PutEventsCommand({
        Entries: [{ EventBusName: 'lantern', Source: 'lantern', DetailType: 'IncidentRecorded', Detail: JSON.stringify({ incidentId: 'inc-1' }) }],
      }),
    );
    await bus.waitForIdle();

    // Assess
    expect(result.FailedEntryCount).toBe(0);
    const eventId = result.Entries?.[0]?.EventId;
    expect(eventId).toBeTruthy();
    const delivered = received.find((delivery) => delivery.event.id === eventId);
    expect(delivered?.ruleId).toBe('notify-alerted');
    expect(delivered?.event).toMatchObject({
      version: '0',
      source: 'lantern',
      'detail-type': 'IncidentRecorded',
      account: '000000000000',
      region: 'eu-west-2',
      resources: [],
      detail: { incidentId: 'inc-1' },
    });
    expect(delivered?.event.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const listed = (await (await fetch(`${bus.endpoint}/events`)).json()) as { events: BusEvent[] };
    expect(listed.events.map((event) => event.id)).toContain(eventId);
    expect(await readFile(join(folder, 'events.jsonl'), 'utf8')).toContain(`"id":"${eventId}"`);
  });

  it('dead-letters an event whose consumer fails on every attempt, after two retries', async () => {
    // Act
    const result = await client.send(
      new PutEventsCommand({ Entries: [{ EventBusName: 'lantern', Source: 'lantern', DetailType: 'ReminderDue', Detail: JSON.stringify({ reminderId: 'rem-1' }) }] }),
    );
    const idle = await fetch(`${bus.endpoint}/idle`);

    // Assess
    const eventId = result.Entries?.[0]?.EventId;
    expect(idle.status).toBe(200);
    expect(received.filter((delivery) => delivery.event.id === eventId)).toHaveLength(3);
    const letters = (await readFile(join(folder, 'dead-letter.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(letters).toEqual([
      expect.objectContaining({ ruleId: 'broken-consumer', attempts: 3, error: 'reminder service unavailable', event: expect.objectContaining({ id: eventId }) }),
    ]);
  });

  it('fails only the bad entries of a batch, with EventBridge error codes', async () => {
    // Act
    const result = await client.send(
      new PutEventsCommand({
        Entries: [
          { EventBusName: 'lantern', Source: 'lantern', DetailType: 'IncidentRecorded', Detail: '{"incidentId":"inc-2"}' },
          { EventBusName: 'lantern', Source: 'lantern', DetailType: 'IncidentRecorded', Detail: 'not json' },
          { EventBusName: 'no-such-bus', Source: 'lantern', DetailType: 'IncidentRecorded', Detail: '{}' },
        ],
      }),
    );

    // Assess
    expect(result.FailedEntryCount).toBe(2);
    expect(result.Entries?.[0]?.EventId).toBeTruthy();
    expect(result.Entries?.[1]).toMatchObject({ ErrorCode: 'MalformedDetail' });
    expect(result.Entries?.[2]).toMatchObject({ ErrorCode: 'ResourceNotFoundException' });
  });
});

describe('local EventBridge after a crash', () => {
  it('delivers again, on the next start, each event whose delivery was not over, and only those', async () => {
    // Prepare: one event delivered and recorded, one put on the bus whose delivery a kill cut short
    const folder = await mkdtemp(join(tmpdir(), 'lantern-events-crash-'));
    const rules: EventRuleDefinition[] = [{ id: 'notify-alerted', entry: 'fake', pattern: { source: ['lantern'], 'detail-type': ['IncidentRecorded'] }, description: 'works', uses: [] }];
    const files = { eventsLog: join(folder, 'events.jsonl'), deadLetterLog: join(folder, 'dead-letter.jsonl'), deliveriesLog: join(folder, 'deliveries.jsonl') };
    const received: string[] = [];
    let hang = false;
    const start = () =>
      startEventBridgeLocal({
        port: 0,
        region: 'eu-west-2',
        eventBusName: 'lantern',
        rules,
        ...files,
        invoke: async (_rule, event) => {
          if (hang) return new Promise(() => undefined);
          received.push(event.id);
        },
      });
    const first = await start();
    const client = new EventBridgeClient({ region: 'eu-west-2', endpoint: first.endpoint, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    const put = async (incidentId: string) =>
      (await client.send(new PutEventsCommand({ Entries: [{ EventBusName: 'lantern', Source: 'lantern', DetailType: 'IncidentRecorded', Detail: JSON.stringify({ incidentId }) }] }))).Entries?.[0]?.EventId;
    const delivered = await put('inc-delivered');
    await first.waitForIdle();
    hang = true;
    const cutShort = await put('inc-cut-short');
    client.destroy();
    // A kill leaves a torn last line, which was never acknowledged.
    await writeFile(files.eventsLog, `${await readFile(files.eventsLog, 'utf8')}{"id":"torn`);
    hang = false;
    received.length = 0;

    // Act: a second bus on the same files, as after a restart
    const second = await start();
    const owed = await second.redeliverUnsettled();
    await second.waitForIdle();
    const again = await second.redeliverUnsettled();
    await second.waitForIdle();

    // Assess
    expect(delivered).toBeTruthy();
    expect(owed).toBe(1);
    expect(received).toEqual([cutShort]);
    expect(again).toBe(0);
    await second.stop();
    await rm(folder, { recursive: true, force: true });
  });
});
