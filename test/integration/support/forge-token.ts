import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { dataDirLayout } from '../../../local/data-dir';
import { signingKeyFile, type StoredSigningKey } from '../../../local/services/local-signing-key';
import { localFacts } from './local-facts';

function localStackKey(): StoredSigningKey {
  return JSON.parse(readFileSync(signingKeyFile(dataDirLayout(localFacts().dataDir).cognito), 'utf8')) as StoredSigningKey;
}

/**
 * Tokens that differ from a real one only in the claim under test: signed with the key the
 * local stack trusts, which its data directory holds (anyone who can read that folder could
 * do the same; that is why the local twin is for one machine and never for real data).
 */
export async function signWithLocalStackKey(payload: JWTPayload): Promise<string> {
  const { kid, jwk } = localStackKey();
  return sign(payload, (await importJWK(jwk, 'RS256')) as CryptoKey, kid);
}

/** Signed with the private key cognito-local publishes in its npm package, which anyone can read. */
export async function signWithCognitoLocalPublishedKey(payload: JWTPayload): Promise<string> {
  const { jwk } = createRequire(import.meta.url)('cognito-local/lib/keys/cognitoLocal.private.json') as { jwk: JWK };
  return sign(payload, (await importJWK(jwk, 'RS256')) as CryptoKey, 'CognitoLocal');
}

/** Same claims and key id, but signed by a key the JWKS does not hold. */
export async function signWithStrangerKey(payload: JWTPayload): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return sign(payload, privateKey, localStackKey().kid);
}

export function claimsOf(token: string): JWTPayload {
  return decodeJwt(token);
}

export function keyIdOf(token: string): string | undefined {
  return decodeProtectedHeader(token).kid;
}

/** Changes one character in the middle of a part (0 header, 1 payload, 2 signature). */
export function tamper(token: string, part: 0 | 1 | 2): string {
  const parts = token.split('.');
  const target = parts[part] ?? '';
  const middle = Math.floor(target.length / 2);
  const replacement = target[middle] === 'A' ? 'B' : 'A';
  parts[part] = `${target.slice(0, middle)}${replacement}${target.slice(middle + 1)}`;
  return parts.join('.');
}

function sign(payload: JWTPayload, key: CryptoKey, kid: string): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid }).sign(key);
}

/** The same token with its payload rewritten and the original signature kept. */
export function withEditedClaims(token: string, edit: (claims: JWTPayload) => JWTPayload): string {
  const [header, , signature] = token.split('.');
  const payload = Buffer.from(JSON.stringify(edit(claimsOf(token)))).toString('base64url');
  return `${header}.${payload}.${signature}`;
}
