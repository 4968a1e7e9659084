import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { LOOPBACK } from '../free-port';

/**
 * The part of the EventBridge Scheduler API Lantern uses (CreateSchedule, GetSchedule,
 * DeleteSchedule; REST-JSON under /schedules/{Name}), so the real @aws-sdk/client-scheduler
 * adapter runs unchanged. One-off `at(...)` schedules whose target is the event bus fire
 * by handing the event to `deliver` (which puts it on the local bus), then delete
 * themselves like `ActionAfterCompletion: DELETE`. Schedules persist in a file, so a
 * reminder set before a restart still fires after it (at once, if it fell due meanwhile).
 */
export interface ScheduledEvent {
  readonly source: string;
  readonly detailType: string;
  readonly detail: unknown;
}

export interface SchedulerLocal {
  readonly endpoint: string;
  readonly port: number;
  pending(): readonly StoredSchedule[];
  /** Fires every schedule due by `now` (tests use this instead of waiting). */
  fireDue(now?: Date): Promise<number>;
  stop(): Promise<void>;
}

export interface StoredSchedule {
  readonly name: string;
  readonly groupName: string;
  readonly at: string;
  readonly target: { readonly arn: string; readonly source: string; readonly detailType: string; readonly input: string };
}

export interface SchedulerLocalOptions {
  readonly port: number;
  readonly region: string;
  readonly accountId: string;
  readonly storeFile: string;
  readonly deliver: (event: ScheduledEvent) => Promise<void>;
  /** How often due schedules are looked for. */
  readonly tickMs?: number;
}

const AT_EXPRESSION = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/;

export async function startSchedulerLocal(options: SchedulerLocalOptions): Promise<SchedulerLocal> {
  const schedules = new Map<string, StoredSchedule>((await readStore(options.storeFile)).map((schedule) => [schedule.name, schedule]));
  const persist = () => writeFile(options.storeFile, JSON.stringify([...schedules.values()], null, 2));
  let firing = Promise.resolve(0);

  const fireDue = (now = new Date()): Promise<number> => {
    firing = firing.then(async () => {
      const due = [...schedules.values()].filter((schedule) => new Date(schedule.at).getTime() <= now.getTime());
      for (const schedule of due) {
        try {
          await options.deliver({ source: schedule.target.source, detailType: schedule.target.detailType, detail: JSON.parse(schedule.target.input) });
          schedules.delete(schedule.name);
        } catch (error) {
          // Left in place: the next tick tries again, as Scheduler's retry policy would.
          console.error(`[scheduler] could not deliver ${schedule.name}: ${(error as Error).message}`);
        }
      }
      if (due.length > 0) await persist();
      return due.length;
    });
    return firing;
  };

  const server = createServer((request, response) => {
    route(request, response).catch((error: Error) => sendJson(response, 500, { message: error.message }));
  });

  async function route(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://local');
    if (request.method === 'GET' && url.pathname === '/health') return sendJson(response, 200, { ok: true, pending: schedules.size });
    const match = /^\/schedules\/([^/]+)$/.exec(url.pathname);
    if (!match) return sendJson(response, 404, { message: 'Not Found' });
    const name = decodeURIComponent(match[1]!);
    const groupName = url.searchParams.get('groupName') ?? 'default';
    if (request.method === 'POST') return createSchedule(name, JSON.parse((await readBody(request)) || '{}'), response);
    const existing = schedules.get(name);
    if (!existing) return sendJson(response, 404, { Message: `Schedule ${name} does not exist.` }, 'ResourceNotFoundException');
    if (request.method === 'GET') return sendJson(response, 200, describe(existing, options));
    if (request.method === 'DELETE') {
      schedules.delete(name);
      await persist();
      return sendJson(response, 200, {});
    }
    sendJson(response, 405, { message: `${request.method} ${groupName}` });
  }

  async function createSchedule(name: string, body: CreateScheduleBody, response: ServerResponse) {
    const at = AT_EXPRESSION.exec(body.ScheduleExpression ?? '');
    if (!at) return sendJson(response, 400, { Message: 'Only one-off at(yyyy-mm-ddThh:mm:ss) schedules are supported locally' }, 'ValidationException');
    if ((body.ScheduleExpressionTimezone ?? 'UTC') !== 'UTC') return sendJson(response, 400, { Message: 'Use ScheduleExpressionTimezone UTC' }, 'ValidationException');
    const parameters = body.Target?.EventBridgeParameters;
    if (!body.Target?.Arn || !parameters?.DetailType || !parameters.Source) {
      return sendJson(response, 400, { Message: 'The target must be an event bus with EventBridgeParameters' }, 'ValidationException');
    }
    if (schedules.has(name)) return sendJson(response, 409, { Message: `Schedule ${name} already exists.` }, 'ConflictException');
    const schedule: StoredSchedule = {
      name,
      groupName: body.GroupName ?? 'default',
      at: `${at[1]}Z`,
      target: { arn: body.Target.Arn, source: parameters.Source, detailType: parameters.DetailType, input: body.Target.Input ?? '{}' },
    };
    schedules.set(name, schedule);
    await persist();
    sendJson(response, 200, { ScheduleArn: scheduleArn(schedule, options) });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolve());
  });
  const timer = setInterval(() => void fireDue(), options.tickMs ?? 1000);
  timer.unref();
  void fireDue();

  return {
    endpoint: `http://${LOOPBACK}:${options.port}`,
    port: options.port,
    pending: () => [...schedules.values()],
    fireDue,
    stop: async () => {
      clearInterval(timer);
      await firing;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface CreateScheduleBody {
  ScheduleExpression?: string;
  ScheduleExpressionTimezone?: string;
  GroupName?: string;
  Target?: { Arn?: string; RoleArn?: string; Input?: string; EventBridgeParameters?: { DetailType?: string; Source?: string } };
}

function scheduleArn(schedule: StoredSchedule, options: Pick<SchedulerLocalOptions, 'region' | 'accountId'>) {
  return `arn:aws:scheduler:${options.region}:${options.accountId}:schedule/${schedule.groupName}/${schedule.name}`;
}

function describe(schedule: StoredSchedule, options: Pick<SchedulerLocalOptions, 'region' | 'accountId'>) {
  return {
    Arn: scheduleArn(schedule, options),
    Name: schedule.name,
    GroupName: schedule.groupName,
    ScheduleExpression: `at(${schedule.at.slice(0, 19)})`,
    ScheduleExpressionTimezone: 'UTC',
    State: 'ENABLED',
    Target: { Arn: schedule.target.arn, Input: schedule.target.input, EventBridgeParameters: { Source: schedule.target.source, DetailType: schedule.target.detailType } },
  };
}

async function readStore(file: string): Promise<StoredSchedule[]> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as StoredSchedule[];
  } catch {
    return [];
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown, errorType?: string) {
  response.writeHead(status, { 'content-type': 'application/json', ...(errorType ? { 'x-amzn-errortype': errorType } : {}) });
  response.end(JSON.stringify(body));
}
