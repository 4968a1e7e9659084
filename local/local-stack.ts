import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { auditTable, recordsTable } from '../shared/adapters/dynamo/table-definitions';
import { routes } from '../shared/api/routes';
import { loadConfig } from '../shared/config/load-config';
import { eventRules } from '../shared/events/rules';
import { checkPrerequisites } from './check-prerequisites';
import { LocalStackError } from './local-stack-error';
import { prepareDataDir } from './data-dir';
import type { BusEvent } from './events/event-dispatcher';
import { LOOPBACK, preferredPort } from './free-port';
import { startHttpGateway, type HealthReport, type ServiceName } from './gateway/http-gateway';
import { createTokenVerifier } from './gateway/verify-token';
import { DEMO_SCHOOL, credentialNames, declaredEnvironment, handlerEnvironment, usesByEntry } from './handler-environment';
import { localCursorKey } from './cursor-key';
import { createHandlerModules } from './handler-modules';
import { createLambdaContext } from './lambda-context';
import type { LocalFacts } from './local-facts';
import { readLocalState, writeJsonFile, type LocalState } from './local-state';
import { provisionBucket } from './provision/bucket';
import { provisionDemoUsers, type ProvisionedDemoUser } from './provision/demo-users';
import { createProvisioningClients, LOCAL_CREDENTIALS } from './provision/provisioning-clients';
import { provisionTables } from './provision/tables';
import { provisionUserPool, type UserPoolIds } from './provision/user-pool';
import { probeServices } from './readiness';
import { demoStaff, seedDemoSchool } from './seed/demo-school';
import { startCognitoLocal } from './services/cognito-local';
import { loadOrCreatePartnerClients, type LocalPartnerClient } from './services/partner-clients';
import { startDynamoDbLocal } from './services/dynamodb-local';
import { startEventBridgeLocal } from './services/eventbridge-local';
import { startSchedulerLocal } from './services/scheduler-local';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { startOutboxPoller } from './outbox/outbox-poller';
import { streamConsumerById } from '../shared/streams/stream-consumers';
import { latestStreamArn } from './provision/tables';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { LOCAL_ACCOUNT_ID } from './lambda-context';
import { startS3Local } from './services/s3-local';
import { createMalwareScannerLocal } from './services/malware-scanner-local';
import { fileObjectKey } from '../shared/domain/files/stored-file';
import { startSesLocal } from './services/ses-local';

export interface LocalStackOptions {
  readonly dataDir: string;
  /** The API's port; 0 picks any free one. */
  readonly port: number;
  /** Wipe the data folder first. */
  readonly fresh?: boolean;
  /** No request log lines, and handlers log warnings only (unless LOG_LEVEL is set). */
  readonly quiet?: boolean;
  /** The built staff app (web/dist), served for GET paths outside /v1 and /health. */
  readonly webRoot?: string;
}

export interface LocalStack {
  readonly facts: LocalFacts;
  /** Seconds from the call to a ready stack. */
  readonly startupSeconds: number;
  /** Resolves when no event delivery is in flight. */
  waitForEventsIdle(): Promise<void>;
  readonly events: readonly BusEvent[];
  stop(): Promise<void>;
}

const REGION = 'eu-west-2';
const NAMES = {
  recordsTable: 'lantern-records',
  auditTable: 'lantern-audit',
  bucket: 'lantern-files',
  eventBus: 'lantern',
  scheduleGroup: 'lantern-reminders',
  userPool: `lantern-${DEMO_SCHOOL.id}`,
} as const;
const SERVICES: readonly ServiceName[] = ['dynamodb', 's3', 'cognito', 'ses', 'eventbridge', 'scheduler'];
const noServices = (): Record<ServiceName, boolean> => ({ dynamodb: false, s3: false, cognito: false, ses: false, eventbridge: false, scheduler: false });

/**
 * Runs Lantern on this machine: the stand-ins, provisioning, the demo school, and the
 * HTTP gateway in front of the same handler modules Lambda runs. The gateway listens
 * first, so /health answers 503 `starting` until everything is ready.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const started = performance.now();
  const prerequisites = checkPrerequisites();
  if (!prerequisites.ok) throw new LocalStackError(prerequisites.message);

  const layout = await prepareDataDir(options.dataDir, { fresh: options.fresh ?? false });
  const state = await readLocalState(layout.stateFile);
  const stops: { name: string; stop: () => Promise<void> }[] = [];
  // Each handler's cold start sees only its declaration's variables, as in Lambda.
  let completeEnvironment: Record<string, string> | undefined;
  const handlers = createHandlerModules({
    environmentFor: (entry) => {
      const uses = usesByEntry.get(entry);
      return completeEnvironment && uses ? declaredEnvironment(completeEnvironment, uses) : completeEnvironment;
    },
  });
  let phase: 'starting' | 'ready' | 'stopping' = 'starting';
  let probe: (() => Promise<Record<ServiceName, boolean>>) | undefined;

  const stopAll = async () => {
    phase = 'stopping';
    // The gateway stops taking requests first, then the outbox poller (so it does not read a
    // stream whose database is going away); then every stand-in at once.
    const first = ['gateway', 'outbox-poller'].flatMap((name) => stops.filter((entry) => entry.name === name));
    for (const entry of first) await entry.stop().catch(() => undefined);
    const others = stops.filter((entry) => !first.includes(entry));
    const results = await Promise.allSettled(others.map((entry) => entry.stop()));
    const failures = results.flatMap((result, index) => (result.status === 'rejected' ? [`${others[index]?.name}: ${String(result.reason)}`] : []));
    if (failures.length > 0) console.error(`[lantern] some local services did not stop cleanly: ${failures.join('; ')}`);
  };

  try {
    const gateway = await startHttpGateway({
      port: options.port,
      host: LOOPBACK,
      routes,
      handlers,
      region: REGION,
      health: async (): Promise<HealthReport> => {
        if (phase !== 'ready' || !probe) return { status: phase === 'stopping' ? 'unavailable' : 'starting', services: noServices() };
        const services = await probe();
        return { status: SERVICES.every((name) => services[name]) ? 'ready' : 'unavailable', services };
      },
      log: options.quiet ? undefined : (line) => console.log(`[api] ${line}`),
      // The app calls Cognito at the endpoint GET /v1/config gives it, and sends files to s3rver: the CSP must allow both.
      ...(options.webRoot ? { staticSite: { root: options.webRoot, connectSources: () => [completeEnvironment?.PUBLIC_COGNITO_ENDPOINT ?? '', completeEnvironment?.S3_ENDPOINT ?? ''].filter(Boolean) } } : {}),
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') throw new LocalStackError(`Port ${options.port} is already in use: stop what uses it or set PORT (PORT=0 picks a free one).`);
      throw error;
    });
    stops.push({ name: 'gateway', stop: () => gateway.stop() });

    // One port after another: asking in parallel could be handed the same free port twice.
    const ports: Record<ServiceName, number> = noPorts();
    for (const name of SERVICES) ports[name] = await preferredPort(state.ports[name]);

    const endpoint = (name: ServiceName) => `http://${LOOPBACK}:${ports[name]}`;
    const clients = createProvisioningClients({
      region: REGION,
      endpoints: { dynamodb: endpoint('dynamodb'), s3: endpoint('s3'), cognito: endpoint('cognito') },
    });
    stops.push({ name: 'clients', stop: async () => clients.destroy() });
    const register = <T extends { stop(): Promise<void> }>(name: string, service: T): T => {
      stops.push({ name, stop: () => service.stop() });
      return service;
    };

    // Each stand-in is provisioned as soon as it is up: the user pool and demo users are
    // done while the JVM is still starting.
    // Reminders fire through the real EventBridge client onto the local bus, as Scheduler does in AWS.
    let outboxDrained = async () => {};
    const busClient = new EventBridgeClient({ region: REGION, endpoint: endpoint('eventbridge'), credentials: { ...LOCAL_CREDENTIALS } });
    stops.push({ name: 'bus-client', stop: async () => busClient.destroy() });
    // GuardDuty's part: each upload under the school's files/ prefix is scanned and its result put on the default bus.
    const scanner = createMalwareScannerLocal({
      s3: clients.s3,
      bus: busClient,
      bucket: NAMES.bucket,
      objectPrefixes: [fileObjectKey(DEMO_SCHOOL.id, '')],
      region: REGION,
      accountId: LOCAL_ACCOUNT_ID,
    });
    const [dynamodb, s3, cognito, ses, eventbridge, scheduler] = await settleAll([
      startDynamoDbLocal({
        dbPath: layout.dynamodb,
        port: ports.dynamodb,
        pidFile: layout.dynamodbPidFile,
        logFile: join(layout.logs, 'dynamodb.log'),
      })
        .then((service) => register('dynamodb', service))
        .then(async (service) => {
          await provisionTables(clients.dynamodb, [
            { name: NAMES.recordsTable, definition: recordsTable },
            { name: NAMES.auditTable, definition: auditTable },
          ]);
          return service;
        }),
      startS3Local({ directory: layout.s3, port: ports.s3 })
        .then((service) => register('s3', service))
        .then(async (service) => {
          await provisionBucket(clients.s3, NAMES.bucket, { allowedOrigin: gateway.url });
          service.onObjectCreated((object) => scanner.objectCreated(object));
          return service;
        }),
      startCognitoLocal({ directory: layout.cognito, port: ports.cognito, logFile: join(layout.logs, 'cognito.log') })
        .then((service) => register('cognito', service))
        .then(async (service) => {
          const pool = await provisionUserPool(clients.cognito, { poolName: NAMES.userPool, previous: state.userPool });
          const users = await provisionDemoUsers(clients.cognito, pool, demoStaff, state.users);
          return { service, pool, users };
        }),
      startSesLocal({ port: ports.ses }).then((service) => register('ses', service)),
      startEventBridgeLocal({
        port: ports.eventbridge,
        region: REGION,
        eventBusName: NAMES.eventBus,
        rules: eventRules,
        eventsLog: layout.eventsLog,
        deadLetterLog: layout.deadLetterLog,
        deliveriesLog: layout.deliveriesLog,
        // Scans in flight put their results on the bus; then the outbox has its turn.
        beforeIdle: async () => {
          await scanner.waitForIdle();
          await outboxDrained();
        },
        invoke: async (rule, event) => {
          const handler = await handlers.load<BusEvent, unknown>(rule.entry);
          await handler(event, createLambdaContext({ functionName: rule.id, requestId: randomUUID(), region: REGION, timeoutMs: 60_000 }));
        },
      }).then((service) => register('eventbridge', service)),
      startSchedulerLocal({
        port: ports.scheduler,
        region: REGION,
        accountId: LOCAL_ACCOUNT_ID,
        storeFile: layout.schedulesFile,
        deliver: async (event) => {
          await busClient.send(
            new PutEventsCommand({ Entries: [{ EventBusName: NAMES.eventBus, Source: event.source, DetailType: event.detailType, Detail: JSON.stringify(event.detail) }] }),
          );
        },
      }).then((service) => register('scheduler', service)),
    ]);
    const { pool, users } = cognito;

    // Partner systems (issue 16): the pool's Cognito domain issues their client-credentials tokens.
    const partners = loadOrCreatePartnerClients(layout.cognito);
    cognito.service.servePartnerTokens({ issuer: cognito.service.issuerFor(pool.userPoolId), clients: partners });
    const facts = localFacts({
      apiUrl: gateway.url,
      dataDir: layout.root,
      pool,
      users,
      endpoints: { dynamodb: dynamodb.endpoint, s3: s3.endpoint, cognito: cognito.service.endpoint, ses: ses.endpoint, eventbridge: eventbridge.endpoint, scheduler: scheduler.endpoint },
      issuer: cognito.service.issuerFor(pool.userPoolId),
      jwksUrl: cognito.service.jwksUrlFor(pool.userPoolId),
      partners,
    });
    // Before any handler module is imported: they read their configuration at cold start.
    completeEnvironment = handlerEnvironment(facts, { logLevel: process.env.LOG_LEVEL ?? (options.quiet ? 'warn' : 'info'), cursorKey: await localCursorKey(layout.cursorKeyFile) });
    // The SDK's default credential provider reads the process's environment, as in Lambda.
    for (const name of ['AWS_REGION', ...credentialNames]) process.env[name] = completeEnvironment[name];
    await seedDemoSchool(loadConfig(completeEnvironment), users);

    // After the environment is set: the relay module reads its configuration at cold start.
    const streams = new DynamoDBStreamsClient({ region: REGION, endpoint: dynamodb.endpoint, credentials: { ...LOCAL_CREDENTIALS } });
    stops.push({ name: 'streams-client', stop: async () => streams.destroy() });
    const streamArn = await latestStreamArn(clients.dynamodb, NAMES.recordsTable);
    if (!streamArn) throw new LocalStackError(`The ${NAMES.recordsTable} table has no stream: the outbox cannot be delivered.`);
    const outbox = register(
      'outbox-poller',
      await startOutboxPoller({
        streams,
        streamArn,
        checkpointFile: layout.outboxCheckpointFile,
        deadLetterLog: layout.outboxDeadLetterLog,
        relay: async (event) => {
          const relay = await handlers.load<DynamoDBStreamEvent, DynamoDBBatchResponse>(streamConsumerById('outbox-relay').entry);
          return relay(event, createLambdaContext({ functionName: 'outbox-relay', requestId: randomUUID(), region: REGION, timeoutMs: 60_000 }));
        },
      }),
    );
    outboxDrained = () => outbox.drained();
    // Deliveries a kill cut short, now that the consumers can run.
    await eventbridge.redeliverUnsettled();

    const nextState: LocalState = {
      ports: { dynamodb: dynamodb.port, s3: s3.port, cognito: cognito.service.port, ses: ses.port, eventbridge: eventbridge.port, scheduler: scheduler.port },
      userPool: { id: pool.userPoolId, clientId: pool.clientId },
      users: Object.fromEntries(users.map((user) => [user.email, { id: user.id, ...(user.totpSecret ? { totpSecret: user.totpSecret } : {}) }])),
    };
    await writeJsonFile(layout.stateFile, nextState);
    await writeJsonFile(layout.factsFile, facts);

    probe = () =>
      probeServices(clients, { bucket: NAMES.bucket, userPoolId: pool.userPoolId, sesEndpoint: ses.endpoint, eventBridgeEndpoint: eventbridge.endpoint, schedulerEndpoint: scheduler.endpoint });
    gateway.open(createTokenVerifier({ jwksUrl: facts.cognito.jwksUrl, issuer: facts.cognito.issuer, clientIds: [pool.clientId, ...partners.map((partner) => partner.clientId)] }));
    phase = 'ready';

    let stopping: Promise<void> | undefined;
    return {
      facts,
      startupSeconds: Math.round((performance.now() - started) / 100) / 10,
      events: eventbridge.events,
      waitForEventsIdle: () => eventbridge.waitForIdle(),
      stop: () => (stopping ??= stopAll()),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function localFacts(input: {
  apiUrl: string;
  dataDir: string;
  pool: UserPoolIds;
  users: readonly ProvisionedDemoUser[];
  endpoints: Record<ServiceName, string>;
  issuer: string;
  jwksUrl: string;
  partners: readonly LocalPartnerClient[];
}): LocalFacts {
  const { endpoints } = input;
  return {
    apiUrl: input.apiUrl,
    region: REGION,
    dataDir: input.dataDir,
    school: { id: DEMO_SCHOOL.id, name: DEMO_SCHOOL.name },
    credentials: { accessKeyId: LOCAL_CREDENTIALS.accessKeyId, secretAccessKey: LOCAL_CREDENTIALS.secretAccessKey },
    cognito: { endpoint: endpoints.cognito, userPoolId: input.pool.userPoolId, clientId: input.pool.clientId, issuer: input.issuer, jwksUrl: input.jwksUrl, tokenUrl: `${endpoints.cognito}/oauth2/token` },
    partners: input.partners.map((partner) => ({ ...partner, scopes: [...partner.scopes] })),
    emails: { endpoint: endpoints.ses, url: `${endpoints.ses}/`, storeUrl: `${endpoints.ses}/store` },
    events: {
      endpoint: endpoints.eventbridge,
      busName: NAMES.eventBus,
      eventsUrl: `${endpoints.eventbridge}/events`,
      deadLettersUrl: `${endpoints.eventbridge}/dead-letters`,
      idleUrl: `${endpoints.eventbridge}/idle`,
    },
    dynamodb: { endpoint: endpoints.dynamodb, recordsTable: NAMES.recordsTable, auditTable: NAMES.auditTable },
    s3: { endpoint: endpoints.s3, bucket: NAMES.bucket },
    scheduler: { endpoint: endpoints.scheduler, scheduleGroup: NAMES.scheduleGroup },
    users: input.users.map((user) => ({
      id: user.id,
      email: user.email,
      password: user.password,
      givenName: user.givenName,
      familyName: user.familyName,
      jobTitle: user.jobTitle,
      groups: [...user.groups],
      ...(user.totpSecret ? { totpSecret: user.totpSecret } : {}),
    })),
  };
}

function noPorts(): Record<ServiceName, number> {
  return { dynamodb: 0, s3: 0, cognito: 0, ses: 0, eventbridge: 0, scheduler: 0 };
}

/**
 * Like Promise.all, but waits for every promise before rejecting, so a service that was
 * still starting when another failed is registered and then stopped, not orphaned.
 */
async function settleAll<T extends readonly unknown[]>(promises: readonly [...{ [K in keyof T]: Promise<T[K]> }]): Promise<T> {
  const results = await Promise.allSettled(promises);
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
