import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LOOPBACK } from '../free-port';
import { AuthEventLog, authEventLogFile } from './auth-event-log';
import { loadOrCreateSigningKey, signingKeyFile } from './local-signing-key';
import { userPoolFront } from './user-pool-front';
import { answerPartnerToken, type PartnerTokenOptions } from './partner-token-endpoint';

type CognitoModules = {
  server: typeof import('cognito-local/lib/server/server');
  router: typeof import('cognito-local/lib/server/Router');
  config: typeof import('cognito-local/lib/server/config');
  services: typeof import('cognito-local/lib/services');
  cognitoService: typeof import('cognito-local/lib/services/cognitoService');
  userPoolService: typeof import('cognito-local/lib/services/userPoolService');
  stormDb: typeof import('cognito-local/lib/services/dataStore/stormDb');
  messageDelivery: typeof import('cognito-local/lib/services/messageDelivery/messageDelivery');
  consoleSender: typeof import('cognito-local/lib/services/messageDelivery/consoleMessageSender');
  otp: typeof import('cognito-local/lib/services/otp');
  tokenGenerator: typeof import('cognito-local/lib/services/tokenGenerator');
  errors: typeof import('cognito-local/lib/errors');
};

export interface CognitoLocal {
  readonly endpoint: string;
  readonly port: number;
  /** `iss` of the tokens it signs for a pool: its own URL plus the pool id. */
  issuerFor(userPoolId: string): string;
  jwksUrlFor(userPoolId: string): string;
  /** The data directory's own private signing key (see local-signing-key.ts). */
  readonly signingKeyFile: string;
  /** Answers `POST /oauth2/token` (client credentials) for these partner clients, as the pool's Cognito domain does. */
  servePartnerTokens(options: Omit<PartnerTokenOptions, 'key'>): void;
  stop(): Promise<void>;
}

/**
 * cognito-local in this process, behind `userPoolFront` (own signing key, sign-in history). Its own `createDefaultServer` keeps data in
 * `<cwd>/.cognito`, takes its port from PORT and loads aws-sdk v2 for Lambda triggers and
 * KMS; this composes the same services with the data under `directory`, no triggers, and
 * the token issuer set to the URL it really listens on (otherwise `iss` says localhost:9229).
 */
export async function startCognitoLocal(options: { directory: string; port: number; logFile: string }): Promise<CognitoLocal> {
  const load = createRequire(import.meta.url);
  const modules: CognitoModules = {
    server: load('cognito-local/lib/server/server'),
    router: load('cognito-local/lib/server/Router'),
    config: load('cognito-local/lib/server/config'),
    services: load('cognito-local/lib/services'),
    cognitoService: load('cognito-local/lib/services/cognitoService'),
    userPoolService: load('cognito-local/lib/services/userPoolService'),
    stormDb: load('cognito-local/lib/services/dataStore/stormDb'),
    messageDelivery: load('cognito-local/lib/services/messageDelivery/messageDelivery'),
    consoleSender: load('cognito-local/lib/services/messageDelivery/consoleMessageSender'),
    otp: load('cognito-local/lib/services/otp'),
    tokenGenerator: load('cognito-local/lib/services/tokenGenerator'),
    errors: load('cognito-local/lib/errors'),
  };
  const logger = cognitoLogger(options.logFile);
  const ctx = { logger };
  const tokenConfig = { IssuerDomain: `http://${LOOPBACK}:${options.port}` };
  const config = {
    ...modules.config.DefaultConfig,
    TriggerFunctions: {},
    UserPoolDefaults: { UsernameAttributes: ['email'] },
    TokenConfig: tokenConfig,
    ServerConfig: { port: options.port, hostname: LOOPBACK, development: false, https: false as const },
  };

  const dataDirectory = join(options.directory, 'db');
  const clock = new modules.services.DateClock();
  const dataStoreFactory = new modules.stormDb.StormDBDataStoreFactory(dataDirectory);
  const cognito = await new modules.cognitoService.CognitoServiceFactoryImpl(
    dataDirectory,
    dataStoreFactory,
    new modules.userPoolService.UserPoolServiceFactoryImpl(clock, dataStoreFactory),
  ).create(ctx, config.UserPoolDefaults);
  // No Lambda triggers are configured, so neither the Lambda client nor KMS is ever called.
  const noLambda = {} as ConstructorParameters<typeof modules.services.LambdaService>[1];
  const noCrypto = {} as ConstructorParameters<typeof modules.services.TriggersService>[3];
  const triggers = new modules.services.TriggersService(clock, cognito, new modules.services.LambdaService({}, noLambda), noCrypto);
  const services = {
    clock,
    cognito,
    config,
    messages: new modules.services.MessagesService(
      triggers,
      new modules.messageDelivery.MessageDeliveryService(new modules.consoleSender.ConsoleMessageSender()),
    ),
    otp: modules.otp.otp,
    tokenGenerator: new modules.tokenGenerator.JwtTokenGenerator(clock, triggers, tokenConfig),
    triggers,
  };
  const key = await loadOrCreateSigningKey(options.directory);
  const router = userPoolFront(modules.router.Router(services), { cognito, errors: modules.errors, key, log: new AuthEventLog(authEventLogFile(options.directory)) });
  const app = modules.server.createServer(router, logger as never, config.ServerConfig, services);
  // cognito-local's JWKS route serves its published key; in front of it, the pool's own.
  const jwksPath = /^\/[^/]+\/\.well-known\/jwks\.json$/;
  let partnerTokens: Omit<PartnerTokenOptions, 'key'> | undefined;
  const server: Server = createServer((request, response) => {
    if (request.method === 'POST' && partnerTokens && new URL(request.url ?? '/', 'http://local').pathname === '/oauth2/token') {
      answerPartnerToken(request, response, { ...partnerTokens, key }).catch(() => response.writeHead(500).end());
      return;
    }
    if (request.method === 'GET' && jwksPath.test(new URL(request.url ?? '/', 'http://local').pathname)) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(key.jwks));
      return;
    }
    app.application(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const endpoint = `http://${LOOPBACK}:${port}`;
  tokenConfig.IssuerDomain = endpoint;

  return {
    endpoint,
    port,
    issuerFor: (userPoolId) => `${endpoint}/${userPoolId}`,
    jwksUrlFor: (userPoolId) => `${endpoint}/${userPoolId}/.well-known/jwks.json`,
    signingKeyFile: signingKeyFile(options.directory),
    servePartnerTokens: (partners) => {
      partnerTokens = partners;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** cognito-local logs with pino; warnings (refused sign-ins and the like) go to a file. */
function cognitoLogger(logFile: string) {
  const loadFromCognito = createRequire(join(dirname(createRequire(import.meta.url).resolve('cognito-local/package.json')), 'lib', 'index.js'));
  const pino = loadFromCognito('pino') as typeof import('pino').default;
  return pino({ level: 'warn', base: undefined }, pino.destination({ dest: logFile, sync: true, mkdir: true }));
}
