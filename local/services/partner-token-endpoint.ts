import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalSigningKey } from './local-signing-key';
import type { LocalPartnerClient } from './partner-clients';

/** Cognito's access tokens for client credentials last an hour unless the app client says otherwise. */
export const PARTNER_TOKEN_SECONDS = 3600;

export interface PartnerTokenOptions {
  readonly key: LocalSigningKey;
  /** The pool's issuer: the same `iss` as staff tokens, so the gateway verifies both alike. */
  readonly issuer: string;
  readonly clients: readonly LocalPartnerClient[];
  readonly now?: () => Date;
}

/**
 * `POST /oauth2/token` as the user pool's Cognito domain answers it for the client-credentials
 * grant, which cognito-local lacks: the client authenticates with HTTP Basic (or
 * `client_id`/`client_secret` in the form), may ask for some of its scopes (`scope`, space
 * separated; none means all it is granted), and gets an access token signed with the data
 * folder's key, whose subject is the client itself. Errors are OAuth's (RFC 6749 5.2).
 */
export async function answerPartnerToken(request: IncomingMessage, response: ServerResponse, options: PartnerTokenOptions): Promise<void> {
  const form = new URLSearchParams(await readText(request));
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  const [basicId, basicSecret] = basic ? decodeBasic(basic[1]!) : [];
  const clientId = basicId ?? form.get('client_id') ?? '';
  const secret = basicSecret ?? form.get('client_secret') ?? '';
  if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return oauthError(response, 400, 'invalid_request', 'send application/x-www-form-urlencoded');
  const client = options.clients.find((candidate) => candidate.clientId === clientId);
  if (!client || !sameSecret(client.clientSecret, secret)) return oauthError(response, 401, 'invalid_client');
  if (form.get('grant_type') !== 'client_credentials') return oauthError(response, 400, 'unsupported_grant_type');
  const asked = (form.get('scope') ?? '').split(' ').filter(Boolean);
  if (asked.some((scope) => !client.scopes.includes(scope))) return oauthError(response, 400, 'invalid_scope');
  const scopes = asked.length > 0 ? asked : [...client.scopes];
  const now = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  const accessToken = await options.key.sign({
    sub: client.clientId,
    token_use: 'access',
    scope: scopes.join(' '),
    auth_time: now,
    iss: options.issuer,
    exp: now + PARTNER_TOKEN_SECONDS,
    iat: now,
    version: 2,
    jti: randomUUID(),
    client_id: client.clientId,
  });
  const body = JSON.stringify({ access_token: accessToken, expires_in: PARTNER_TOKEN_SECONDS, token_type: 'Bearer' });
  response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) }).end(body);
}

function decodeBasic(encoded: string): [string, string] | [] {
  const text = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? [] : [decodeURIComponent(text.slice(0, colon)), decodeURIComponent(text.slice(colon + 1))];
}

function sameSecret(expected: string, given: string): boolean {
  const left = Buffer.from(expected);
  const right = Buffer.from(given);
  return left.length === right.length && timingSafeEqual(left, right);
}

function oauthError(response: ServerResponse, status: number, error: string, description?: string): void {
  const body = JSON.stringify({ error, ...(description ? { error_description: description } : {}) });
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
}

function readText(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= 16_384) chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
