import { base64url, CompactEncrypt, importJWK } from 'jose';
import type { TransferBundle } from '../../schemas/transfer-bundle';
import { transferKeyId } from './key-fingerprint';
import { TRANSFER_CONTENT_ENCRYPTION, TRANSFER_KEY_WRAP_ALGORITHM, TRANSFER_SIGNATURE_ALGORITHM, type PublicJwk, type TransferKeys } from './transfer-keys';

/** The `typ` of the signed bundle (JWS) and the `cty` of the encrypted one (JWE) around it. */
export const SIGNED_BUNDLE_TYPE = 'lantern-transfer-bundle+jws';
export const SEALED_BUNDLE_TYPE = 'lantern-transfer-bundle+jwe';
export const SEALED_FILE_TYPE = 'lantern-transfer-file+jwe';

const encoder = new TextEncoder();

/**
 * The bundle signed by the sending school (compact JWS, PS256, `kid` its signing key's
 * thumbprint) and encrypted to the receiving school (compact JWE, RSA-OAEP-256 + A256GCM,
 * `kid` the recipient's encryption key's thumbprint). Signing goes through the key port, so
 * in AWS the signature is made by KMS.
 */
export async function sealBundle(bundle: TransferBundle, sender: Pick<TransferKeys, 'publicKey' | 'sign'>, recipientEncryptionKey: PublicJwk): Promise<string> {
  const header = { alg: TRANSFER_SIGNATURE_ALGORITHM, typ: SIGNED_BUNDLE_TYPE, kid: await transferKeyId(await sender.publicKey('signing')) };
  const signingInput = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(bundle))}`;
  const signature = await sender.sign(encoder.encode(signingInput));
  const signed = `${signingInput}.${base64url.encode(signature)}`;
  return encryptTo(encoder.encode(signed), recipientEncryptionKey, { typ: SEALED_BUNDLE_TYPE, cty: SIGNED_BUNDLE_TYPE });
}

/**
 * A file's bytes, encrypted to the receiving school to travel beside its bundle. It is not
 * signed itself: the signed bundle gives its size and SHA-256, which the receiver checks.
 */
export function sealCarriedFile(bytes: Uint8Array, recipientEncryptionKey: PublicJwk): Promise<string> {
  return encryptTo(bytes, recipientEncryptionKey, { typ: SEALED_FILE_TYPE });
}

async function encryptTo(plaintext: Uint8Array, recipientEncryptionKey: PublicJwk, header: { typ: string; cty?: string }): Promise<string> {
  const key = await importJWK({ ...recipientEncryptionKey, alg: TRANSFER_KEY_WRAP_ALGORITHM }, TRANSFER_KEY_WRAP_ALGORITHM);
  return new CompactEncrypt(plaintext)
    .setProtectedHeader({ alg: TRANSFER_KEY_WRAP_ALGORITHM, enc: TRANSFER_CONTENT_ENCRYPTION, kid: await transferKeyId(recipientEncryptionKey), ...header })
    .encrypt(key);
}
