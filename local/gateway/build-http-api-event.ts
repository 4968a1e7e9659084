import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { RouteDefinition } from '../../shared/api/routes';
import { LOCAL_ACCOUNT_ID } from '../lambda-context';

export interface GatewayRequest {
  readonly method: string;
  /** Path and query exactly as sent, e.g. `/v1/pupils?q=ada%20l`. */
  readonly url: string;
  /** Node's `rawHeaders`: names and values alternating, duplicates kept. */
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
  readonly sourceIp: string;
}

export interface Authorization {
  /** The verified token's claims, as the JWT authorizer passes them (every value a string). */
  readonly claims: Record<string, string>;
  readonly scopes: string[] | null;
}

export interface BuildEventOptions {
  readonly request: GatewayRequest;
  readonly route: RouteDefinition;
  readonly pathParameters?: Record<string, string>;
  readonly authorization?: Authorization;
  readonly requestId: string;
  readonly apiId: string;
  readonly now: Date;
}

/**
 * The payload format 2.0 event API Gateway's HTTP API sends a Lambda integration: header
 * names lower-cased, duplicate headers and query values joined with commas, cookies moved
 * out of the headers into `cookies`, text bodies as strings and anything else base64.
 */
export function buildHttpApiEvent(options: BuildEventOptions): APIGatewayProxyEventV2WithJWTAuthorizer {
  const { request, route, now } = options;
  const queryStart = request.url.indexOf('?');
  const rawPath = queryStart === -1 ? request.url : request.url.slice(0, queryStart);
  const rawQueryString = queryStart === -1 ? '' : request.url.slice(queryStart + 1);
  const headers = joinHeaders(request.rawHeaders);
  const cookieHeader = headers.cookie;
  delete headers.cookie;
  const routeKey = `${route.method} ${route.path}`;
  const domainName = headers.host ?? '127.0.0.1';
  const hasBody = request.body.byteLength > 0;
  const textual = isTextual(headers['content-type']);

  const event: APIGatewayProxyEventV2 & { requestContext: { authorizer?: unknown } } = {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString,
    ...(cookieHeader ? { cookies: cookieHeader.split(/;\s*/).filter(Boolean) } : {}),
    headers,
    ...(rawQueryString ? { queryStringParameters: parseQuery(rawQueryString) } : {}),
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: options.apiId,
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method: request.method.toUpperCase(),
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: options.requestId,
      routeKey,
      stage: '$default',
      time: formatRequestTime(now),
      timeEpoch: now.getTime(),
      ...(options.authorization ? { authorizer: { jwt: { claims: options.authorization.claims, scopes: options.authorization.scopes } } } : {}),
    },
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    ...(hasBody ? { body: textual ? request.body.toString('utf8') : request.body.toString('base64') } : {}),
    isBase64Encoded: hasBody && !textual,
  };
  // Public routes carry no authorizer, exactly as in AWS; handlers of protected routes read it.
  return event as APIGatewayProxyEventV2WithJWTAuthorizer;
}

/**
 * The JWT authorizer's claim format, observed on AWS: every value becomes a string,
 * arrays are written Go-style (`["dsl","staff"]` becomes `[dsl staff]`), null claims are
 * dropped and objects fall back to JSON text.
 */
export function flattenClaims(payload: Record<string, unknown>): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) claims[name] = `[${value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(' ')}]`;
    else if (typeof value === 'object') claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}

function joinHeaders(rawHeaders: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] ?? '').toLowerCase();
    const value = rawHeaders[index + 1] ?? '';
    if (name === 'cookie') headers[name] = headers[name] ? `${headers[name]}; ${value}` : value;
    else headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  return headers;
}

function parseQuery(rawQueryString: string): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    parameters[name] = parameters[name] === undefined ? value : `${parameters[name]},${value}`;
  }
  return parameters;
}

function isTextual(contentType: string | undefined): boolean {
  if (!contentType) return true;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    type.endsWith('+json') ||
    type === 'application/xml' ||
    type.endsWith('+xml') ||
    type === 'application/x-www-form-urlencoded' ||
    type === 'application/javascript'
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `12/Mar/2020:19:03:58 +0000`, API Gateway's requestContext.time. */
function formatRequestTime(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(now.getUTCDate())}/${MONTHS[now.getUTCMonth()]}/${now.getUTCFullYear()}:${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}:${pad(now.getUTCSeconds())} +0000`;
}
