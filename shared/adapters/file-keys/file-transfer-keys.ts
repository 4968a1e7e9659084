import { constants, createPrivateKey, generateKeyPairSync, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compactDecrypt } from 'jose';
import {
  TRANSFER_CONTENT_ENCRYPTION,
  TRANSFER_KEY_WRAP_ALGORITHM,
  TRANSFER_SIGNATURE_ALGORITHM,
  UndecryptableError,
  type PublicJwk,
  type TransferKeyUse,
  type TransferKeys,
} from '../../domain/transfers/transfer-keys';

const KEY_FILES: Readonly<Record<TransferKeyUse, string>> = { signing: 'signing-key.jwk.json', encryption: 'encryption-key.jwk.json' };
const PUBLISHED: Readonly<Record<TransferKeyUse, { alg: string; use: string }>> = {
  signing: { alg: TRANSFER_SIGNATURE_ALGORITHM, use: 'sig' },
  encryption: { alg: TRANSFER_KEY_WRAP_ALGORITHM, use: 'enc' },
};
const RSA_BITS = 3072;
// PS256: RSASSA-PSS with SHA-256, MGF1 SHA-256 and a salt as long as the hash (RFC 7518 §3.5).
const PSS_SALT_BYTES = 32;

/**
 * The local twin's transfer keys: two RSA private keys as JWK files in the data directory
 * (readable by the owner only), made on first use. The same port as the KMS keys in AWS, so
 * bundles sealed locally open anywhere and the other way round.
 */
export class FileTransferKeys implements TransferKeys {
  private constructor(private readonly privateKeys: Readonly<Record<TransferKeyUse, KeyObject>>) {}

  /** The keys in `directory`, each made (and written) if it is not there yet. */
  static async inDirectory(directory: string, options: { readonly rsaBits?: number } = {}): Promise<FileTransferKeys> {
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const load = async (use: TransferKeyUse) => createPrivateKey({ key: await readOrCreate(join(directory, KEY_FILES[use]), options.rsaBits ?? RSA_BITS), format: 'jwk' });
    return new FileTransferKeys({ signing: await load('signing'), encryption: await load('encryption') });
  }

  async publicKey(use: TransferKeyUse): Promise<PublicJwk> {
    const { kty, n, e } = this.privateKeys[use].export({ format: 'jwk' });
    return { kty, n, e, ...PUBLISHED[use] };
  }

  async sign(signingInput: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(sign('sha256', signingInput, { key: this.privateKeys.signing, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: PSS_SALT_BYTES }));
  }

  async decrypt(compactJwe: string): Promise<Uint8Array> {
    try {
      const { plaintext } = await compactDecrypt(compactJwe, this.privateKeys.encryption, {
        keyManagementAlgorithms: [TRANSFER_KEY_WRAP_ALGORITHM],
        contentEncryptionAlgorithms: [TRANSFER_CONTENT_ENCRYPTION],
      });
      return plaintext;
    } catch (error) {
      throw new UndecryptableError(undefined, { cause: error });
    }
  }
}

async function readOrCreate(path: string, rsaBits: number): Promise<JsonWebKey> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as JsonWebKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: rsaBits });
  const jwk = privateKey.export({ format: 'jwk' });
  // `wx`: two processes starting at once must not overwrite each other's key.
  await writeFile(path, `${JSON.stringify(jwk)}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return JSON.parse(await readFile(path, 'utf8')) as JsonWebKey;
}
