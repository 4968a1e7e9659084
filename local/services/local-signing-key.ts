import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

/** Where a data directory keeps the private key its local user pool signs tokens with. */
export function signingKeyFile(cognitoDirectory: string): string {
  return join(cognitoDirectory, 'signing-key.json');
}

export interface StoredSigningKey {
  readonly kid: string;
  /** The private key as a JWK (RS256). */
  readonly jwk: JWK;
}

export interface LocalSigningKey {
  readonly kid: string;
  /** The public half, as the pool's JWKS serves it. */
  readonly jwks: { readonly keys: readonly JWK[] };
  sign(payload: JWTPayload): Promise<string>;
  /** The claims of a token this key signed, or undefined for any other token. */
  verify(token: string): Promise<JWTPayload | undefined>;
}

/**
 * cognito-local signs with a key pair published in its npm package, so anyone could mint a
 * token for a stack that trusts it. The local twin uses a key of its own instead, made
 * once per data directory and readable only by its owner.
 */
export async function loadOrCreateSigningKey(cognitoDirectory: string): Promise<LocalSigningKey> {
  const file = signingKeyFile(cognitoDirectory);
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StoredSigningKey) : await createKey(file);
  const privateKey = (await importJWK(stored.jwk, 'RS256')) as CryptoKey;
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = stored.jwk;
  const publicKey = (await importJWK(publicJwk, 'RS256')) as CryptoKey;
  return {
    kid: stored.kid,
    jwks: { keys: [{ ...publicJwk, kid: stored.kid, alg: 'RS256', use: 'sig' }] },
    sign: (payload) => new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: stored.kid }).sign(privateKey),
    verify: async (token) => {
      try {
        return (await jwtVerify(token, publicKey, { algorithms: ['RS256'] })).payload;
      } catch {
        return undefined;
      }
    },
  };
}

async function createKey(file: string): Promise<StoredSigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const stored: StoredSigningKey = { kid: `lantern-local-${(await calculateJwkThumbprint(jwk)).slice(0, 16)}`, jwk };
  writeFileSync(file, JSON.stringify(stored), { mode: 0o600 });
  return stored;
}
