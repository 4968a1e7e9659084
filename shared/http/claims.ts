import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';

/** The token facts the JWT authorizer has verified, as Lantern uses them. */
export interface VerifiedClaims {
  readonly subject: string;
  readonly authTime: Date;
  /** The sign-in the token came from (Cognito's `event_id`). */
  readonly eventId?: string;
  readonly tokenGroups: readonly string[];
  readonly clientId?: string;
  readonly scopes: readonly string[];
}

type Claims = Record<string, string | number | boolean | string[]>;

/**
 * API Gateway hands claims over as strings, flattening arrays to "[dsl staff]"; other
 * callers may pass real arrays and numbers. Accept both.
 */
export function readClaims(event: Pick<APIGatewayProxyEventV2WithJWTAuthorizer, 'requestContext'>): VerifiedClaims | undefined {
  const claims = event.requestContext?.authorizer?.jwt?.claims as Claims | undefined;
  if (!claims || typeof claims.sub !== 'string' || claims.sub === '') return undefined;
  const authTimeSeconds = Number(claims.auth_time ?? claims.iat);
  return {
    subject: claims.sub,
    authTime: new Date(Number.isFinite(authTimeSeconds) ? authTimeSeconds * 1000 : 0),
    ...(typeof claims.event_id === 'string' && claims.event_id !== '' ? { eventId: claims.event_id } : {}),
    tokenGroups: listClaim(claims['cognito:groups']),
    clientId: typeof claims.client_id === 'string' ? claims.client_id : undefined,
    scopes: typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [],
  };
}

function listClaim(value: Claims[string] | undefined): string[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return [];
  const trimmed = value.trim();
  const inner = trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
  return inner.split(/[\s,]+/).filter(Boolean);
}

/** The raw bearer token, for the few calls Cognito takes on the user's own behalf. */
export function bearerToken(headers: Readonly<Record<string, string | undefined>>): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  return match?.[1];
}
