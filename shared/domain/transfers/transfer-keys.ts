import type { JWK } from 'jose';

/**
 * The algorithms of a transfer (docs/transfer-bundle/README.md): the bundle is signed with
 * RSASSA-PSS SHA-256 by the sending school and encrypted to the receiving school with a
 * content key wrapped by RSA-OAEP-256, the content under AES-256-GCM. All three are ones AWS
 * KMS performs with an RSA key, so in AWS neither private key ever leaves KMS.
 */
export const TRANSFER_SIGNATURE_ALGORITHM = 'PS256';
export const TRANSFER_KEY_WRAP_ALGORITHM = 'RSA-OAEP-256';
export const TRANSFER_CONTENT_ENCRYPTION = 'A256GCM';

/** A public key as a school publishes it: an RSA JWK (kty, n, e; alg and use besides). */
export type PublicJwk = JWK;

export type TransferKeyUse = 'signing' | 'encryption';

/**
 * The school's own transfer keys. In AWS, an asymmetric KMS key to sign and another to
 * decrypt; locally, key files in the data directory. Neither hands out a private key.
 */
export interface TransferKeys {
  publicKey(use: TransferKeyUse): Promise<PublicJwk>;
  /** The PS256 signature of a JWS signing input (`header.payload`, ASCII). */
  sign(signingInput: Uint8Array): Promise<Uint8Array>;
  /**
   * The plaintext of a compact JWE (RSA-OAEP-256, A256GCM) encrypted to the school's
   * encryption key. Throws UndecryptableError when it was not encrypted to that key or was
   * changed on the way; any other error is the key store failing, not the bundle.
   */
  decrypt(compactJwe: string): Promise<Uint8Array>;
}

/** The JWE was not for this key, or was changed after it was encrypted. */
export class UndecryptableError extends Error {
  constructor(message = 'the bundle does not decrypt with this school’s key', options?: ErrorOptions) {
    super(message, options);
    this.name = 'UndecryptableError';
  }
}

/** Another school this one exchanges transfers with: its published keys, checked by phone when added. */
export interface TrustedSchool {
  readonly urn: string;
  readonly name: string;
  readonly signingKey: PublicJwk;
  readonly encryptionKey: PublicJwk;
}

export interface TransferTrust {
  /** The trusted school whose signing key has this key id (its RFC 7638 thumbprint), if any. */
  bySigningKeyId(keyId: string): Promise<TrustedSchool | undefined>;
}

/** Bundle ids already received, so a replayed delivery is refused and nothing is imported twice. */
export interface SeenBundles {
  /**
   * Records that `bundleId` from `senderUrn` was received at `at`, atomically: true the first
   * time, false every time after (a replay), however many arrive at once.
   */
  firstSighting(senderUrn: string, bundleId: string, at: Date): Promise<boolean>;
}
