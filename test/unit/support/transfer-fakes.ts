import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileTransferKeys } from '../../../shared/adapters/file-keys/file-transfer-keys';
import { transferKeyId } from '../../../shared/domain/transfers/key-fingerprint';
import type { SeenBundles, TransferTrust, TrustedSchool } from '../../../shared/domain/transfers/transfer-keys';
import type { TransferBundle } from '../../../shared/schemas/transfer-bundle';

/** The documented example bundle (Hollybank Primary, URN 100001, to Elmfield Academy, URN 100002). */
export const exampleBundle = (): TransferBundle => JSON.parse(readFileSync('docs/transfer-bundle/example.json', 'utf8'));

/** A school's transfer keys in a fresh directory; 2048-bit so tests stay quick. */
export async function schoolKeys(): Promise<FileTransferKeys> {
  return FileTransferKeys.inDirectory(await mkdtemp(join(tmpdir(), 'lantern-transfer-keys-')), { rsaBits: 2048 });
}

export async function trustedSchoolOf(urn: string, name: string, keys: FileTransferKeys): Promise<TrustedSchool> {
  return { urn, name, signingKey: await keys.publicKey('signing'), encryptionKey: await keys.publicKey('encryption') };
}

export class InMemoryTransferTrust implements TransferTrust {
  constructor(private readonly schools: readonly TrustedSchool[]) {}

  async bySigningKeyId(keyId: string): Promise<TrustedSchool | undefined> {
    for (const school of this.schools) if ((await transferKeyId(school.signingKey)) === keyId) return school;
    return undefined;
  }
}

export class InMemorySeenBundles implements SeenBundles {
  readonly seen = new Map<string, string>();

  async firstSighting(senderUrn: string, bundleId: string, at: Date): Promise<boolean> {
    const key = `${senderUrn}#${bundleId}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, at.toISOString());
    return true;
  }
}

/** RSA key generation takes seconds on a loaded machine: tests that make keys allow this long. */
export const KEY_WORK_TIMEOUT_MS = 60_000;
