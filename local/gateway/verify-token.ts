import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

export interface TokenVerifierOptions {
  readonly jwksUrl: string;
  readonly issuer: string;
  /** App clients the authorizer accepts (its audience list); checked against `client_id`. */
  readonly clientIds: readonly string[];
}

export type TokenVerifier = (authorizationHeader: string | undefined) => Promise<JWTPayload | undefined>;

/**
 * What the stack's HTTP API JWT authorizer checks: an RS256 signature from the pool's
 * JWKS, the pool's issuer, expiry, an access token, one of our app clients. Undefined
 * means refused; the gateway then answers 401 without calling the handler.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const keys = createRemoteJWKSet(new URL(options.jwksUrl));
  return async (authorizationHeader) => {
    const token = bearerToken(authorizationHeader);
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, keys, { issuer: options.issuer, algorithms: ['RS256'] });
      if (payload.token_use !== 'access') return undefined;
      if (typeof payload.client_id !== 'string' || !options.clientIds.includes(payload.client_id)) return undefined;
      return payload;
    } catch {
      return undefined;
    }
  };
}

/** API Gateway takes the token with or without the `Bearer ` prefix. */
function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const token = header.replace(/^Bearer\s+/i, '').trim();
  return token.length > 0 ? token : undefined;
}
