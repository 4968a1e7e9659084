import { describe, expect, it } from 'vitest';
import { createEventDispatcher, type BusEvent, type DeadLetter } from '../../../local/events/event-dispatcher';
import type { EventRuleDefinition } from '../../../shared/events/rules';

const rule = (id: string, detailTypes: EventRuleDefinition['pattern']['detail-type']): EventRuleDefinition => ({
  id,
  entry: `functions/events/${id}.ts`,
  pattern: { source: ['lantern'], 'detail-type': detailTypes },
  description: id,
  uses: [],
});

const event = (detailType: string): BusEvent => ({
  version: '0',
  id: `event-${detailType}`,
  'detail-type': detailType,
  source: 'lantern',
  account: '000000000000',
  time: '2026-03-02T09:15:00Z',
  region: 'eu-west-2',
  resources: [],
  detail: { incidentId: 'incident-1' },
});

/** Fake consumers: each rule id maps to how many times it fails before succeeding. */
function fakeBus(rules: EventRuleDefinition[], failuresBeforeSuccess: Record<string, number>, options: { deadLetterFails?: boolean } = {}) {
  const calls: { ruleId: string; eventId: string }[] = [];
  const deadLetters: DeadLetter[] = [];
  const logged: string[] = [];
  const dispatcher = createEventDispatcher({
    rules,
    retryAttempts: 2,
    retryDelayMs: () => 1,
    now: () => new Date('2026-03-02T09:16:00Z'),
    log: (line) => logged.push(line),
    invoke: async (matched, delivered) => {
      calls.push({ ruleId: matched.id, eventId: delivered.id });
      const failuresLeft = failuresBeforeSuccess[matched.id] ?? 0;
      if (failuresLeft > 0) {
        failuresBeforeSuccess[matched.id] = failuresLeft - 1;
        throw new Error(`${matched.id} is down`);
      }
    },
    deadLetter: async (letter) => {
      if (options.deadLetterFails) throw new Error('disk full');
      deadLetters.push(letter);
    },
  });
  return { dispatcher, calls, deadLetters, logged };
}

describe('event dispatcher', () => {
  it('delivers an event to every rule whose pattern matches, and to no other', async () => {
    // Prepare
    const bus = fakeBus([rule('notify-alerted', ['IncidentRecorded', 'ActionAdded']), rule('analytics', ['IncidentRecorded']), rule('reminders', ['ReminderDue'])], {});

    // Act
    const matched = bus.dispatcher.dispatch(event('IncidentRecorded'));
    await bus.dispatcher.waitForIdle();

    // Assess
    expect(matched).toEqual(['notify-alerted', 'analytics']);
    expect(bus.calls.map((call) => call.ruleId).sort()).toEqual(['analytics', 'notify-alerted']);
    expect(bus.deadLetters).toEqual([]);
  });

  it('gives a rule on the default bus (GuardDuty\'s results) only that bus\'s events, and the others only the school\'s', async () => {
    // Prepare
    const bus = fakeBus([{ ...rule('file-scans', ['IncidentRecorded']), bus: 'default' }, rule('notify-alerted', ['IncidentRecorded'])], {});

    // Act
    const fromDefault = bus.dispatcher.dispatch(event('IncidentRecorded'), 'default');
    const fromSchool = bus.dispatcher.dispatch(event('IncidentRecorded'), 'school');
    await bus.dispatcher.waitForIdle();

    // Assess
    expect(fromDefault).toEqual(['file-scans']);
    expect(fromSchool).toEqual(['notify-alerted']);
  });

  it('retries a failing consumer and stops once it succeeds', async () => {
    // Prepare
    const bus = fakeBus([rule('notify-alerted', ['IncidentRecorded'])], { 'notify-alerted': 2 });

    // Act
    bus.dispatcher.dispatch(event('IncidentRecorded'));
    await bus.dispatcher.waitForIdle();

    // Assess
    expect(bus.calls).toHaveLength(3);
    expect(bus.deadLetters).toEqual([]);
  });

  it('dead-letters the event with the rule and the last error after every attempt failed', async () => {
    // Prepare
    const bus = fakeBus([rule('notify-alerted', ['IncidentRecorded']), rule('analytics', ['IncidentRecorded'])], { 'notify-alerted': 99 });

    // Act
    bus.dispatcher.dispatch(event('IncidentRecorded'));
    await bus.dispatcher.waitForIdle();

    // Assess
    expect(bus.calls.filter((call) => call.ruleId === 'notify-alerted')).toHaveLength(3);
    expect(bus.deadLetters).toEqual([
      {
        ruleId: 'notify-alerted',
        entry: 'functions/events/notify-alerted.ts',
        attempts: 3,
        error: 'notify-alerted is down',
        failedAt: '2026-03-02T09:16:00.000Z',
        event: event('IncidentRecorded'),
      },
    ]);
    expect(bus.calls.filter((call) => call.ruleId === 'analytics')).toHaveLength(1);
  });

  it('prints the whole dead letter when the dead-letter store itself fails, so it is not lost', async () => {
    // Prepare
    const bus = fakeBus([rule('notify-alerted', ['IncidentRecorded'])], { 'notify-alerted': 99 }, { deadLetterFails: true });

    // Act
    bus.dispatcher.dispatch(event('IncidentRecorded'));
    await bus.dispatcher.waitForIdle();

    // Assess
    const printed = bus.logged.find((line) => line.includes('could not write the dead letter'));
    expect(printed).toContain('disk full');
    expect(printed).toContain('"id":"event-IncidentRecorded"');
  });

  it('waits for deliveries that start while it waits (a consumer that puts another event)', async () => {
    // Prepare
    const delivered: string[] = [];
    const dispatcher = createEventDispatcher({
      rules: [rule('first', ['IncidentRecorded']), rule('second', ['AlertRaised'])],
      retryDelayMs: () => 1,
      deadLetter: async () => undefined,
      invoke: async (matched) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        delivered.push(matched.id);
        if (matched.id === 'first') dispatcher.dispatch(event('AlertRaised'));
      },
    });

    // Act
    dispatcher.dispatch(event('IncidentRecorded'));
    await dispatcher.waitForIdle();

    // Assess
    expect(delivered).toEqual(['first', 'second']);
    expect(dispatcher.inFlight).toBe(0);
  });
});

describe('event dispatcher, recording deliveries that are over', () => {
  it('reports each delivery once it succeeded or was dead-lettered, never while retries remain, and redelivers to the rules it is given only', async () => {
    // Prepare
    const settled: string[] = [];
    const calls: string[] = [];
    const dispatcher = createEventDispatcher({
      rules: [rule('notifier', ['AlertRaised']), rule('broken', ['AlertRaised'])],
      retryAttempts: 2,
      retryDelayMs: () => 1,
      log: () => undefined,
      invoke: async (matched) => {
        calls.push(matched.id);
        if (matched.id === 'broken') throw new Error('down');
      },
      deadLetter: async () => undefined,
      settled: async (matched, delivered) => {
        settled.push(`${matched.id} ${delivered.id} after ${calls.filter((id) => id === matched.id).length}`);
      },
    });

    // Act
    dispatcher.dispatch(event('AlertRaised'));
    await dispatcher.waitForIdle();
    dispatcher.redeliver(event('AlertRaised'), [rule('notifier', ['AlertRaised'])]);
    await dispatcher.waitForIdle();

    // Assess
    expect(settled.sort()).toEqual(['broken event-AlertRaised after 3', 'notifier event-AlertRaised after 1', 'notifier event-AlertRaised after 2']);
    expect(calls.filter((id) => id === 'broken')).toHaveLength(3);
  });
});
