import { createDecipheriv, createHash, createPublicKey } from 'node:crypto';
import { DecryptCommand, GetPublicKeyCommand, InvalidCiphertextException, SignCommand, type KMSClient } from '@aws-sdk/client-kms';
import {
  TRANSFER_CONTENT_ENCRYPTION,
  TRANSFER_KEY_WRAP_ALGORITHM,
  TRANSFER_SIGNATURE_ALGORITHM,
  UndecryptableError,
  type PublicJwk,
  type TransferKeyUse,
  type TransferKeys,
} from '../../domain/transfers/transfer-keys';

export interface KmsTransferKeyIds {
  /** An asymmetric KMS key, KeySpec RSA_3072 (or RSA_2048/4096), KeyUsage SIGN_VERIFY. */
  readonly signingKeyId: string;
  /** An asymmetric KMS key, KeySpec RSA_3072 (or RSA_2048/4096), KeyUsage ENCRYPT_DECRYPT. */
  readonly decryptionKeyId: string;
}

const EXPECTED_USAGE: Readonly<Record<TransferKeyUse, string>> = { signing: 'SIGN_VERIFY', encryption: 'ENCRYPT_DECRYPT' };
const PUBLISHED: Readonly<Record<TransferKeyUse, { alg: string; use: string }>> = {
  signing: { alg: TRANSFER_SIGNATURE_ALGORITHM, use: 'sig' },
  encryption: { alg: TRANSFER_KEY_WRAP_ALGORITHM, use: 'enc' },
};
const CONTENT_KEY_BYTES = 32;
const GCM_IV_BYTES = 12;
const GCM_TAG_BYTES = 16;

/**
 * The school's transfer keys in AWS KMS. Both private-key operations happen inside KMS: the
 * signature (Sign, RSASSA_PSS_SHA_256 over the SHA-256 digest of the JWS signing input, as
 * PS256 defines it) and the unwrapping of a JWE's content key (Decrypt, RSAES_OAEP_SHA_256,
 * which is RSA-OAEP-256). Only the 32-byte content key comes back, and the AES-256-GCM
 * decryption of the content is done here with it.
 */
export class KmsTransferKeys implements TransferKeys {
  private readonly publicKeys = new Map<TransferKeyUse, Promise<PublicJwk>>();

  constructor(
    private readonly kms: KMSClient,
    private readonly keyIds: KmsTransferKeyIds,
  ) {}

  publicKey(use: TransferKeyUse): Promise<PublicJwk> {
    // A key's public half never changes: ask KMS once per cold start.
    const cached = this.publicKeys.get(use) ?? this.fetchPublicKey(use);
    this.publicKeys.set(use, cached);
    cached.catch(() => this.publicKeys.delete(use));
    return cached;
  }

  async sign(signingInput: Uint8Array): Promise<Uint8Array> {
    // KMS signs at most 4096 bytes of raw message; a bundle is larger, so send its digest.
    const digest = createHash('sha256').update(signingInput).digest();
    const result = await this.kms.send(new SignCommand({ KeyId: this.keyIds.signingKeyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'RSASSA_PSS_SHA_256' }));
    if (!result.Signature) throw new Error('KMS Sign returned no signature');
    return result.Signature;
  }

  async decrypt(compactJwe: string): Promise<Uint8Array> {
    const parts = parseCompactJwe(compactJwe);
    const contentKey = await this.unwrapContentKey(parts.encryptedKey);
    try {
      const decipher = createDecipheriv('aes-256-gcm', contentKey, parts.iv, { authTagLength: GCM_TAG_BYTES });
      // RFC 7516 §5.2: the additional authenticated data is the encoded protected header, as ASCII.
      decipher.setAAD(Buffer.from(parts.protectedHeader, 'ascii'));
      decipher.setAuthTag(parts.tag);
      return new Uint8Array(Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]));
    } catch (error) {
      throw new UndecryptableError('the bundle was changed after it was encrypted', { cause: error });
    } finally {
      contentKey.fill(0);
    }
  }

  private async fetchPublicKey(use: TransferKeyUse): Promise<PublicJwk> {
    const keyId = use === 'signing' ? this.keyIds.signingKeyId : this.keyIds.decryptionKeyId;
    const result = await this.kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
    if (!result.PublicKey || !result.KeySpec?.startsWith('RSA_') || result.KeyUsage !== EXPECTED_USAGE[use]) {
      throw new Error(`KMS key for transfer ${use} must be an RSA key with usage ${EXPECTED_USAGE[use]}`);
    }
    const { kty, n, e } = createPublicKey({ key: Buffer.from(result.PublicKey), format: 'der', type: 'spki' }).export({ format: 'jwk' });
    return { kty, n, e, ...PUBLISHED[use] };
  }

  private async unwrapContentKey(encryptedKey: Buffer): Promise<Buffer> {
    try {
      const result = await this.kms.send(new DecryptCommand({ KeyId: this.keyIds.decryptionKeyId, CiphertextBlob: encryptedKey, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
      const key = Buffer.from(result.Plaintext ?? []);
      if (key.length !== CONTENT_KEY_BYTES) throw new UndecryptableError('the content key is not an AES-256 key');
      return key;
    } catch (error) {
      // Ciphertext KMS cannot decrypt with this key is the bundle's fault; throttling or an outage is not.
      if (error instanceof InvalidCiphertextException || error instanceof UndecryptableError) throw new UndecryptableError(undefined, { cause: error });
      throw error;
    }
  }
}

interface CompactJweParts {
  readonly protectedHeader: string;
  readonly encryptedKey: Buffer;
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

function parseCompactJwe(compactJwe: string): CompactJweParts {
  const parts = compactJwe.split('.');
  if (parts.length !== 5) throw new UndecryptableError('not a compact JWE');
  const [protectedHeader, encryptedKey, iv, ciphertext, tag] = parts as [string, string, string, string, string];
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(protectedHeader, 'base64url').toString('utf8'));
  } catch (error) {
    throw new UndecryptableError('unreadable JWE header', { cause: error });
  }
  if (header.alg !== TRANSFER_KEY_WRAP_ALGORITHM || header.enc !== TRANSFER_CONTENT_ENCRYPTION || 'zip' in header || 'crit' in header) {
    throw new UndecryptableError(`expected alg ${TRANSFER_KEY_WRAP_ALGORITHM} and enc ${TRANSFER_CONTENT_ENCRYPTION}`);
  }
  const decoded = { protectedHeader, encryptedKey: Buffer.from(encryptedKey, 'base64url'), iv: Buffer.from(iv, 'base64url'), ciphertext: Buffer.from(ciphertext, 'base64url'), tag: Buffer.from(tag, 'base64url') };
  if (decoded.iv.length !== GCM_IV_BYTES || decoded.tag.length !== GCM_TAG_BYTES) throw new UndecryptableError('wrong IV or tag length');
  return decoded;
}

