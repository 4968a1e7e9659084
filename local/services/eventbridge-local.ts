import { randomUUID } from 'node:crypto';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { LOOPBACK } from '../free-port';
import type { EventRuleDefinition } from '../../shared/events/rules';
import { matchesEventPattern } from '../events/match-event-pattern';
import { createEventDispatcher, type BusEvent, type DeadLetter, type RuleBus } from '../events/event-dispatcher';
import { LOCAL_ACCOUNT_ID } from '../lambda-context';

export interface EventBridgeLocal {
  readonly endpoint: string;
  readonly port: number;
  /** Events put on the bus since start, oldest first. */
  readonly events: readonly BusEvent[];
  readonly deadLetters: readonly DeadLetter[];
  waitForIdle(): Promise<void>;
  /**
   * Delivers again what `events.jsonl` holds and `deliveriesLog` does not mark delivered: the
   * deliveries a crash cut short. Called once the consumers can run; returns how many.
   */
  redeliverUnsettled(): Promise<number>;
  stop(): Promise<void>;
}

export interface EventBridgeLocalOptions {
  readonly port: number;
  readonly region: string;
  readonly eventBusName: string;
  readonly rules: readonly EventRuleDefinition[];
  readonly invoke: (rule: EventRuleDefinition, event: BusEvent) => Promise<unknown>;
  readonly eventsLog: string;
  readonly deadLetterLog: string;
  /**
   * Each delivery that is over (consumer done, or dead-lettered), one JSON line: with it the
   * bus is durable as EventBridge is once PutEvents answers, and a delivery in flight when the
   * stack was killed is made again after the restart (at least once; consumers are idempotent).
   */
  readonly deliveriesLog?: string;
  readonly retryAttempts?: number;
  /**
   * Awaited before GET /idle looks at deliveries: events reach this bus from the outbox
   * poller, so "idle" means nothing committed is still on its way here either.
   */
  readonly beforeIdle?: () => Promise<void>;
}

interface PutEventsRequestEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Resources?: string[];
  Time?: number | string;
}

type EntryResult = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

/** PutEvents allows 256 KB per request. */
const MAX_REQUEST_BYTES = 256 * 1024;

/**
 * The EventBridge PutEvents API (JSON 1.1), enough for the real @aws-sdk/client-eventbridge
 * pointed at it. Each event is recorded (memory and `events.jsonl`) and delivered to every
 * rule of the catalogue whose pattern matches, in the background, with retries, and to
 * `dead-letter.jsonl` when every attempt failed. Also: GET /events, GET /dead-letters,
 * GET /idle (answers once no delivery is in flight), GET /health.
 */
export async function startEventBridgeLocal(options: EventBridgeLocalOptions): Promise<EventBridgeLocal> {
  const events: BusEvent[] = [];
  const deadLetters: DeadLetter[] = [];
  const dispatcher = createEventDispatcher({
    rules: options.rules,
    invoke: options.invoke,
    retryAttempts: options.retryAttempts,
    deadLetter: async (letter) => {
      deadLetters.push(letter);
      await appendFile(options.deadLetterLog, `${JSON.stringify(letter)}\n`);
    },
    ...(options.deliveriesLog ? { settled: (rule: EventRuleDefinition, event: BusEvent) => appendFile(options.deliveriesLog!, `${JSON.stringify({ eventId: event.id, ruleId: rule.id })}\n`) } : {}),
  });
  // A data folder from before deliveries were recorded: what its log holds counts as delivered.
  if (options.deliveriesLog && (await readLines(options.deliveriesLog)) === undefined) {
    await writeFile(options.deliveriesLog, `${JSON.stringify({ deliveredBefore: (await readLines(options.eventsLog))?.length ?? 0 })}\n`);
  }

  const redeliverUnsettled = async (): Promise<number> => {
    if (!options.deliveriesLog) return 0;
    const logged = (await readLines(options.eventsLog)) ?? [];
    const marks = ((await readLines(options.deliveriesLog)) ?? []).flatMap((line) => parsed<{ eventId?: string; ruleId?: string; deliveredBefore?: number }>(line));
    const deliveredBefore = Math.max(0, ...marks.map((mark) => mark.deliveredBefore ?? 0));
    const delivered = new Set(marks.filter((mark) => mark.eventId).map((mark) => `${mark.eventId} ${mark.ruleId}`));
    let owed = 0;
    for (const event of logged.slice(deliveredBefore).flatMap((line) => parsed<BusEvent>(line))) {
      // AWS services publish on the default bus; everything else came to the school's.
      const bus: RuleBus = event.source.startsWith('aws.') ? 'default' : 'school';
      const rules = options.rules.filter((rule) => (rule.bus ?? 'school') === bus && matchesEventPattern(rule.pattern, event) && !delivered.has(`${event.id} ${rule.id}`));
      owed += rules.length;
      dispatcher.redeliver(event, rules);
    }
    return owed;
  };

  // Idle means the outbox has nothing left to put on the bus too (beforeIdle), then no delivery in flight.
  const waitForIdle = async (): Promise<void> => {
    await options.beforeIdle?.();
    await dispatcher.waitForIdle();
  };

  const server = createServer((request, response) => {
    route(request, response).catch((error: Error) => sendJson(response, 500, { __type: 'InternalException', message: error.message }));
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://local').pathname;
    if (request.method === 'POST' && path === '/') return putEvents(request, response);
    if (request.method === 'GET' && path === '/events') return sendJson(response, 200, { events });
    if (request.method === 'GET' && path === '/dead-letters') return sendJson(response, 200, { deadLetters });
    if (request.method === 'GET' && path === '/health') return sendJson(response, 200, { ok: true, inFlight: dispatcher.inFlight });
    if (request.method === 'GET' && path === '/idle') {
      await waitForIdle();
      return sendJson(response, 200, { inFlight: dispatcher.inFlight, events: events.length, deadLetters: deadLetters.length });
    }
    sendJson(response, 404, { message: 'Not Found' });
  }

  async function putEvents(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = request.headers['x-amz-target'];
    if (target !== 'AWSEvents.PutEvents') {
      return sendAwsError(response, 400, 'UnknownOperationException', `The local event bus supports only PutEvents, not ${String(target)}`);
    }
    const raw = await readBody(request);
    let body: { Entries?: PutEventsRequestEntry[] };
    try {
      body = JSON.parse(raw.toString('utf8')) as { Entries?: PutEventsRequestEntry[] };
    } catch {
      return sendAwsError(response, 400, 'SerializationException', 'The request body is not valid JSON');
    }
    const entries = body.Entries;
    if (!Array.isArray(entries) || entries.length < 1 || entries.length > 10) {
      return sendAwsError(response, 400, 'ValidationException', 'Entries must hold between 1 and 10 entries');
    }
    if (raw.byteLength > MAX_REQUEST_BYTES) {
      return sendAwsError(response, 400, 'ValidationException', 'Total size of the entries in the request is over the limit.');
    }
    const accepted: { event: BusEvent; bus: RuleBus }[] = [];
    const results: EntryResult[] = entries.map((entry) => {
      const bus = busOf(entry, options);
      if (!bus) return { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Event bus ${entry.EventBusName ?? 'default'} does not exist.` };
      const checked = toBusEvent(entry, options);
      if ('ErrorCode' in checked) return checked;
      accepted.push({ event: checked, bus });
      return { EventId: checked.id };
    });
    if (accepted.length > 0) {
      events.push(...accepted.map(({ event }) => event));
      await appendFile(options.eventsLog, accepted.map(({ event }) => `${JSON.stringify(event)}\n`).join(''));
      for (const { event, bus } of accepted) dispatcher.dispatch(event, bus);
    }
    sendJson(response, 200, { FailedEntryCount: results.length - accepted.length, Entries: results }, 'application/x-amz-json-1.1');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    endpoint: `http://${LOOPBACK}:${port}`,
    port,
    events,
    deadLetters,
    waitForIdle,
    redeliverUnsettled,
    stop: async () => {
      // Let deliveries in flight finish, but a consumer that hangs must not hold up Ctrl-C.
      await Promise.race([dispatcher.waitForIdle(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

/**
 * Two buses, as in the account: the school's, and the default one, where AWS services
 * publish (the local malware scanner puts GuardDuty's scan results there).
 */
function busOf(entry: PutEventsRequestEntry, options: EventBridgeLocalOptions): RuleBus | undefined {
  const bus = entry.EventBusName ?? 'default';
  if (bus === options.eventBusName || bus.endsWith(`:event-bus/${options.eventBusName}`)) return 'school';
  if (bus === 'default' || bus.endsWith(':event-bus/default')) return 'default';
  return undefined;
}

function toBusEvent(entry: PutEventsRequestEntry, options: EventBridgeLocalOptions): BusEvent | { ErrorCode: string; ErrorMessage: string } {
  if (!entry.Source) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.' };
  if (!entry.DetailType) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.' };
  let detail: unknown;
  try {
    detail = JSON.parse(entry.Detail ?? '');
  } catch {
    return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  }
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) {
    return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  }
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': entry.DetailType,
    source: entry.Source,
    account: LOCAL_ACCOUNT_ID,
    time: eventTime(entry.Time),
    region: options.region,
    resources: entry.Resources ?? [],
    detail,
  };
}

/** EventBridge writes `time` to the second, without milliseconds. */
function eventTime(time: number | string | undefined): string {
  const date = typeof time === 'number' ? new Date(time * 1000) : typeof time === 'string' ? new Date(time) : new Date();
  const valid = Number.isNaN(date.getTime()) ? new Date() : date;
  return valid.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A line cut short by a kill mid-append was never acknowledged: it is skipped. */
function parsed<T>(line: string): T[] {
  try {
    return [JSON.parse(line) as T];
  } catch {
    return [];
  }
}

/** The file's non-empty lines, or undefined when there is no file. */
async function readLines(file: string): Promise<string[] | undefined> {
  try {
    return (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sendAwsError(response: ServerResponse, status: number, type: string, message: string): void {
  response.setHeader('x-amzn-errortype', type);
  sendJson(response, status, { __type: type, message }, 'application/x-amz-json-1.1');
}

function sendJson(response: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
  });
  response.end(text);
}
