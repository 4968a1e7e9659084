import { base64url, calculateJwkThumbprint } from 'jose';
import type { PublicJwk } from './transfer-keys';

/** A key's id: its RFC 7638 SHA-256 thumbprint, base64url, as the `kid` of what it signs or encrypts. */
export const transferKeyId = (key: PublicJwk): Promise<string> => calculateJwkThumbprint(key, 'sha256');

/**
 * What two DSLs read to each other by phone before one trusts the other's key: the key's
 * SHA-256 thumbprint (RFC 7638) in upper-case hex, in 16 groups of 4, e.g. "3F2A 09B1 …".
 * Anyone with the key computes the same; a different key differs in about every group.
 */
export async function keyFingerprint(key: PublicJwk): Promise<string> {
  const digest = base64url.decode(await transferKeyId(key));
  const hex = Buffer.from(digest).toString('hex').toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}
