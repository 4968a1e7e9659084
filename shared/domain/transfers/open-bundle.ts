import { createHash } from 'node:crypto';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { TransferBundle, type TransferFile } from '../../schemas/transfer-bundle';
import type { Clock } from '../ports';
import { isCanonicalCompact } from './compact-serialization';
import { transferKeyId } from './key-fingerprint';
import { SIGNED_BUNDLE_TYPE } from './seal-bundle';
import { TRANSFER_SIGNATURE_ALGORITHM, UndecryptableError, type SeenBundles, type TransferKeys, type TransferTrust, type TrustedSchool } from './transfer-keys';
import { TransferRefusedError } from './transfer-refused';

export interface OpenBundleDeps {
  readonly transferKeys: Pick<TransferKeys, 'decrypt'>;
  readonly transferTrust: TransferTrust;
  readonly seenBundles: SeenBundles;
  readonly clock: Clock;
}

export interface OpenedBundle {
  readonly bundle: TransferBundle;
  readonly sender: TrustedSchool;
  /** The thumbprint of the key that signed it, for the receipt and the audit trail. */
  readonly signingKeyId: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * A received bundle, decrypted with this school's key, its signature checked against the
 * published key of a school this one trusts, its content checked against the format, and its
 * id recorded so the same bundle is never taken twice. Anything else is a
 * TransferRefusedError saying why: changed on the way, signed by a key not trusted, a
 * replay, addressed elsewhere. The id is recorded only once all the checks pass, so a forged
 * bundle cannot use up a genuine bundle's id.
 */
export async function openBundle(deps: OpenBundleDeps, sealed: string, recipientUrn: string): Promise<OpenedBundle> {
  const signed = await decryptToText(deps, sealed);
  const { keyId, sender } = await trustedSignerOf(deps, signed);
  const payload = await verifiedPayload(signed, sender);
  const bundle = parseBundle(payload);
  if (bundle.sender.urn !== sender.urn) throw new TransferRefusedError('sender_mismatch');
  if (bundle.recipient.urn !== recipientUrn) throw new TransferRefusedError('wrong_recipient');
  if (!(await deps.seenBundles.firstSighting(bundle.sender.urn, bundle.bundleId, deps.clock.now()))) throw new TransferRefusedError('replayed');
  return { bundle, sender, signingKeyId: keyId };
}

/**
 * A file carried beside a bundle, decrypted, and checked against the size and SHA-256 its
 * signed bundle gives for it.
 */
export async function openCarriedFile(deps: Pick<OpenBundleDeps, 'transferKeys'>, sealed: string, entry: Pick<TransferFile, 'size' | 'sha256'>): Promise<Uint8Array> {
  if (!isCanonicalCompact(sealed, 5)) throw new TransferRefusedError('undecryptable');
  const bytes = await decrypt(deps, sealed);
  if (bytes.byteLength !== entry.size || createHash('sha256').update(bytes).digest('hex') !== entry.sha256) throw new TransferRefusedError('file_mismatch');
  return bytes;
}

async function decryptToText(deps: Pick<OpenBundleDeps, 'transferKeys'>, sealed: string): Promise<string> {
  if (!isCanonicalCompact(sealed, 5)) throw new TransferRefusedError('undecryptable', 'not a compact JWE');
  const plaintext = await decrypt(deps, sealed);
  try {
    return decoder.decode(plaintext);
  } catch (error) {
    throw new TransferRefusedError('unsigned', 'not UTF-8', { cause: error });
  }
}

async function decrypt(deps: Pick<OpenBundleDeps, 'transferKeys'>, sealed: string): Promise<Uint8Array> {
  try {
    return await deps.transferKeys.decrypt(sealed);
  } catch (error) {
    // Only a bundle that does not decrypt is refused; the key store failing is an outage.
    if (error instanceof UndecryptableError) throw new TransferRefusedError('undecryptable', undefined, { cause: error });
    throw error;
  }
}

async function trustedSignerOf(deps: Pick<OpenBundleDeps, 'transferTrust'>, signed: string): Promise<{ keyId: string; sender: TrustedSchool }> {
  if (!isCanonicalCompact(signed, 3)) throw new TransferRefusedError('unsigned', 'not a compact JWS');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(signed);
  } catch (error) {
    throw new TransferRefusedError('unsigned', 'unreadable header', { cause: error });
  }
  if (header.alg !== TRANSFER_SIGNATURE_ALGORITHM || header.typ !== SIGNED_BUNDLE_TYPE || typeof header.kid !== 'string' || header.crit) {
    throw new TransferRefusedError('unsigned', `expected alg ${TRANSFER_SIGNATURE_ALGORITHM}, typ ${SIGNED_BUNDLE_TYPE} and a kid`);
  }
  const sender = await deps.transferTrust.bySigningKeyId(header.kid);
  // The trust store is asked by id; the key it gives must really have that id.
  if (!sender || (await transferKeyId(sender.signingKey)) !== header.kid) throw new TransferRefusedError('unknown_sender_key');
  return { keyId: header.kid, sender };
}

async function verifiedPayload(signed: string, sender: TrustedSchool): Promise<Uint8Array> {
  try {
    const key = await importJWK({ ...sender.signingKey, alg: TRANSFER_SIGNATURE_ALGORITHM }, TRANSFER_SIGNATURE_ALGORITHM);
    const { payload } = await compactVerify(signed, key, { algorithms: [TRANSFER_SIGNATURE_ALGORITHM] });
    return payload;
  } catch (error) {
    throw new TransferRefusedError('bad_signature', undefined, { cause: error });
  }
}

function parseBundle(payload: Uint8Array): TransferBundle {
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(payload));
  } catch (error) {
    throw new TransferRefusedError('not_a_bundle', 'not JSON', { cause: error });
  }
  const parsed = TransferBundle.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TransferRefusedError('not_a_bundle', issue ? `${issue.path.join('.') || 'bundle'}: ${issue.message}` : undefined);
  }
  assertReferencesResolve(parsed.data);
  return parsed.data;
}

/** What the JSON Schema cannot say: file ids are unique and every file an entry names is in the manifest. */
function assertReferencesResolve(bundle: TransferBundle): void {
  const fileIds = new Set(bundle.files.map((file) => file.id));
  if (fileIds.size !== bundle.files.length) throw new TransferRefusedError('not_a_bundle', 'files: ids are not unique');
  const named = bundle.chronology.incidents.flatMap((incident) => [...incident.fileIds, ...incident.actions.flatMap((action) => action.fileIds)]);
  const missing = named.find((fileId) => !fileIds.has(fileId));
  if (missing) throw new TransferRefusedError('not_a_bundle', `a file named by an entry is not in files: ${missing}`);
}
