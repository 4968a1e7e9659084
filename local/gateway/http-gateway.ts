import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { RouteDefinition } from '../../shared/api/routes';
import type { HandlerModules } from '../handler-modules';
import { createLambdaContext } from '../lambda-context';
import { buildHttpApiEvent, flattenClaims, type Authorization } from './build-http-api-event';
import { createRouteMatcher } from './match-route';
import type { TokenVerifier } from './verify-token';
import { createStaticSite, type StaticSiteOptions } from './static-site';
import { createRateLimiter, type RateLimit } from './rate-limit';
import { partnerThrottle } from '../../shared/domain/identity/partner-scopes';

export type ServiceName = 'dynamodb' | 's3' | 'cognito' | 'ses' | 'eventbridge' | 'scheduler';

export interface HealthReport {
  readonly status: 'ready' | 'starting' | 'unavailable';
  readonly services: Record<ServiceName, boolean>;
}

export interface HttpGatewayOptions {
  /** 0 asks the operating system for any free port. */
  readonly port: number;
  readonly host: string;
  readonly routes: readonly RouteDefinition[];
  readonly handlers: HandlerModules;
  readonly region: string;
  /** Probes every stand-in; /health answers 200 (through its handler) only when all are up. */
  readonly health: () => Promise<HealthReport>;
  readonly log?: (line: string) => void;
  /** API Gateway gives up on an integration after 30 s. */
  readonly integrationTimeoutMs?: number;
  /** Serves the staff app for GET paths outside the API, as CloudFront does in AWS. */
  readonly staticSite?: StaticSiteOptions;
  /** Each partner client's limit on each partner route (the stack's route throttling); tests lower it. */
  readonly partnerThrottle?: RateLimit;
}

export interface HttpGateway {
  readonly url: string;
  readonly port: number;
  /** Starts routing to handlers, verifying bearer tokens with this verifier. */
  open(verifyToken: TokenVerifier): void;
  stop(): Promise<void>;
}

type ApiHandlerResult = APIGatewayProxyStructuredResultV2 | string | Record<string, unknown> | undefined;

/** API Gateway's payload limit. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/**
 * API Gateway HTTP APIs refuse a request whose request line and headers pass 10,240 bytes;
 * Node's parser counts much the same bytes, so the twin refuses what AWS would.
 */
export const MAX_HEADER_BYTES = 10 * 1024;
const HEALTH_ROUTE_ID = 'health.read';

/**
 * The stack's HTTP API on one port: the route catalogue, the JWT authorizer (401
 * `{"message":"Unauthorized"}` before any handler runs), payload 2.0 events to the same
 * handler modules Lambda runs, and their structured results written back.
 */
export async function startHttpGateway(options: HttpGatewayOptions): Promise<HttpGateway> {
  const matchRoute = createRouteMatcher(options.routes);
  const apiId = 'local';
  const timeoutMs = options.integrationTimeoutMs ?? 30_000;
  let verifyToken: TokenVerifier | undefined;
  const serveStatic = options.staticSite ? createStaticSite(options.staticSite) : undefined;
  const throttle = createRateLimiter(options.partnerThrottle ?? partnerThrottle);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = Date.now();
    const requestId = randomBytes(10).toString('base64').replace(/=+$/, '=');
    response.setHeader('apigw-requestid', requestId);
    const url = request.url ?? '/';
    const rawPath = url.split('?')[0] ?? '/';
    const match = matchRoute(request.method ?? 'GET', rawPath);
    // The route id and status only, as the stack's access log: a path or query string can
    // carry a pupil's name (`/v1/students?query=…`), which must never reach a log.
    const logLine = () => options.log?.(`${match?.route.id ?? `${request.method} (no route)`} ${response.statusCode} ${Date.now() - started}ms`);
    response.once('finish', logLine);

    if (!match) {
      if (serveStatic && (await serveStatic(request, response, rawPath))) return;
      return sendJson(response, 404, { message: 'Not Found' });
    }
    const { route } = match;

    if (route.id === HEALTH_ROUTE_ID) {
      const health = await options.health();
      if (health.status !== 'ready' || !verifyToken) return sendJson(response, 503, { status: health.status === 'ready' ? 'starting' : health.status, services: health.services });
    } else if (!verifyToken) {
      return sendJson(response, 503, { message: 'Service Unavailable' });
    }

    let authorization: Authorization | undefined;
    if (!route.public) {
      const payload = await verifyToken?.(request.headers.authorization);
      if (!payload) {
        response.setHeader('www-authenticate', 'Bearer error="invalid_token"');
        return sendJson(response, 401, { message: 'Unauthorized' });
      }
      // A partner route's authorization scopes: the token must carry one of them, as API
      // Gateway's JWT authorizer checks (403 Forbidden before the handler); staff tokens never do.
      const routeScopes: readonly string[] = route.scopes ?? [];
      const tokenScopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
      if (routeScopes.length > 0 && !routeScopes.some((scope) => tokenScopes.includes(scope))) return sendJson(response, 403, { message: 'Forbidden' });
      // Partner routes are throttled per client and route: over the limit is API Gateway's 429.
      if (routeScopes.length > 0 && !throttle.take(`${String(payload.client_id)} ${route.id}`)) return sendJson(response, 429, { message: 'Too Many Requests' });
      authorization = { claims: flattenClaims(payload), scopes: routeScopes.length > 0 ? tokenScopes : null };
    }

    const body = await readBody(request);
    if (body === undefined) return sendJson(response, 413, { message: 'Request Entity Too Large' });

    const event = buildHttpApiEvent({
      request: { method: request.method ?? 'GET', url, rawHeaders: request.rawHeaders, body, sourceIp: sourceIp(request) },
      route,
      pathParameters: match.pathParameters,
      authorization,
      requestId,
      apiId,
      now: new Date(),
    });
    const context = createLambdaContext({ functionName: route.id, requestId: randomUUID(), region: options.region, timeoutMs });

    let result: ApiHandlerResult;
    try {
      const handler = await options.handlers.load<APIGatewayProxyEventV2WithJWTAuthorizer, ApiHandlerResult>(route.entry);
      const outcome = await withTimeout(handler(event, context), timeoutMs);
      if (outcome === TIMED_OUT) {
        options.log?.(`${route.id} did not answer within ${timeoutMs / 1000} s (request ${requestId})`);
        return sendJson(response, 503, { message: 'Service Unavailable' });
      }
      result = outcome;
    } catch (error) {
      // Lambda reports an unhandled error; API Gateway turns it into a bare 500.
      console.error(`[gateway] ${route.id} failed (request ${requestId}):`, error);
      return sendJson(response, 500, { message: 'Internal Server Error' });
    }
    writeResult(response, result);
  }

  const server: Server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[gateway] unexpected error:', error);
      if (!response.headersSent) sendJson(response, 500, { message: 'Internal Server Error' });
      else response.destroy();
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => answerClientError(error, socket, options.log));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  return {
    url: `http://${options.host}:${port}`,
    port,
    open(verifier) {
      verifyToken = verifier;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Payload 2.0 responses: a result with a statusCode is used as given; anything else is
 * taken as a 200 JSON body, as API Gateway does.
 */
function writeResult(response: ServerResponse, result: ApiHandlerResult): void {
  if (isStructured(result)) {
    for (const [name, value] of Object.entries(result.headers ?? {})) response.setHeader(name, String(value));
    if (result.cookies?.length) response.setHeader('set-cookie', result.cookies);
    const body = result.body === undefined ? Buffer.alloc(0) : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
    response.setHeader('content-length', body.byteLength);
    response.writeHead(result.statusCode);
    response.end(body);
    return;
  }
  const text = typeof result === 'string' ? result : JSON.stringify(result ?? null);
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

function isStructured(result: ApiHandlerResult): result is APIGatewayProxyStructuredResultV2 & { statusCode: number } {
  return typeof result === 'object' && result !== null && typeof (result as { statusCode?: unknown }).statusCode === 'number';
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/**
 * A request Node's parser refuses before any handler could run (headers or URL too long,
 * not HTTP at all) still gets the JSON error every other refusal has, not an empty answer.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex, log: HttpGatewayOptions['log']): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const [status, reason] = tooLarge ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
  const requestId = randomBytes(10).toString('base64').replace(/=+$/, '=');
  const body = JSON.stringify({
    error: tooLarge ? 'request_too_large' : 'malformed_request',
    message: tooLarge ? `The request's URL and headers are over ${MAX_HEADER_BYTES} bytes together: send less (search with a shorter query, drop unneeded headers).` : 'The request is not well-formed HTTP.',
    requestId,
  });
  log?.(`(refused by the HTTP parser) ${status}`);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\napigw-requestid: ${requestId}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/** The body, or undefined when it is over API Gateway's 10 MB limit. */
function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sourceIp(request: IncomingMessage): string {
  const address = request.socket.remoteAddress ?? '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

const TIMED_OUT = Symbol('timed out');

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
