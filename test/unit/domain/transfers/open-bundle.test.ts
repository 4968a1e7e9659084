import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { base64url, CompactEncrypt, importJWK } from 'jose';
import type { FileTransferKeys } from '../../../../shared/adapters/file-keys/file-transfer-keys';
import { openBundle, openCarriedFile, type OpenBundleDeps } from '../../../../shared/domain/transfers/open-bundle';
import { SIGNED_BUNDLE_TYPE, sealBundle, sealCarriedFile } from '../../../../shared/domain/transfers/seal-bundle';
import { transferKeyId } from '../../../../shared/domain/transfers/key-fingerprint';
import type { TransferKeys } from '../../../../shared/domain/transfers/transfer-keys';
import { TransferRefusedError, type TransferRefusal } from '../../../../shared/domain/transfers/transfer-refused';
import type { TransferBundle } from '../../../../shared/schemas/transfer-bundle';
import { FixedClock } from '../../support/fake-deps';
import { exampleBundle, InMemorySeenBundles, InMemoryTransferTrust, schoolKeys, trustedSchoolOf, KEY_WORK_TIMEOUT_MS } from '../../support/transfer-fakes';

const SENDER_URN = '100001';
const RECIPIENT_URN = '100002';

let hollybank: FileTransferKeys; // the sender, URN 100001
let elmfield: FileTransferKeys; // the recipient, URN 100002
let stranger: FileTransferKeys; // a key Elmfield has never been given

beforeAll(async () => {
  [hollybank, elmfield, stranger] = await Promise.all([schoolKeys(), schoolKeys(), schoolKeys()]);
}, KEY_WORK_TIMEOUT_MS);

/** Elmfield's side: its own keys, trusting only Hollybank, with the bundles it has seen. */
async function receiver(): Promise<OpenBundleDeps & { seenBundles: InMemorySeenBundles }> {
  return {
    transferKeys: elmfield,
    transferTrust: new InMemoryTransferTrust([await trustedSchoolOf(SENDER_URN, 'Hollybank Primary School', hollybank)]),
    seenBundles: new InMemorySeenBundles(),
    clock: new FixedClock(new Date('2026-11-04T11:00:00.000Z')),
  };
}

const sealForElmfield = async (bundle: TransferBundle, signer: Pick<TransferKeys, 'publicKey' | 'sign'> = hollybank) => sealBundle(bundle, signer, await elmfield.publicKey('encryption'));

/** What an attacker who knows Elmfield's public key can do: encrypt anything to it. */
async function encryptToElmfield(plaintext: string): Promise<string> {
  const key = await importJWK(await elmfield.publicKey('encryption'), 'RSA-OAEP-256');
  return new CompactEncrypt(new TextEncoder().encode(plaintext)).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }).encrypt(key);
}

async function refusalOf(attempt: Promise<unknown>): Promise<TransferRefusal | 'accepted' | 'other error'> {
  try {
    await attempt;
    return 'accepted';
  } catch (error) {
    return error instanceof TransferRefusedError ? error.refusal : 'other error';
  }
}

describe('sealing and opening a transfer bundle', { timeout: KEY_WORK_TIMEOUT_MS }, () => {
  it('opens a bundle Hollybank signed and encrypted to Elmfield, naming the sender and its key', async () => {
    // Prepare
    const deps = await receiver();
    const sealed = await sealForElmfield(exampleBundle());

    // Act
    const opened = await openBundle(deps, sealed, RECIPIENT_URN);

    // Assess
    expect(opened.bundle).toEqual(exampleBundle());
    expect(opened.sender.urn).toBe(SENDER_URN);
    expect(opened.signingKeyId).toBe(await transferKeyId(await hollybank.publicKey('signing')));
    expect(deps.seenBundles.seen).toEqual(new Map([[`${SENDER_URN}#${exampleBundle().bundleId}`, '2026-11-04T11:00:00.000Z']]));
  });

  it('keeps the content secret from anyone without Elmfield’s key', async () => {
    // Prepare
    const sealed = await sealForElmfield(exampleBundle());

    // Act
    const readable = Buffer.from(sealed.replaceAll('.', ''), 'base64url').toString('latin1');

    // Assess
    expect(readable).not.toContain('Ashdown');
    expect(await refusalOf(openBundle({ ...(await receiver()), transferKeys: stranger }, sealed, RECIPIENT_URN))).toBe('undecryptable');
  });

  it('refuses the bundle with any one character changed, wherever it is, and records nothing', async () => {
    // Prepare
    const deps = await receiver();
    const sealed = await sealForElmfield(exampleBundle());
    const segmentEnds = [...sealed].flatMap((_character, index) => (sealed[index + 1] === '.' || index === sealed.length - 1 ? [index] : []));
    const positions = [...new Set([0, ...segmentEnds, ...Array.from({ length: 40 }, (_, step) => Math.floor((step * sealed.length) / 40))])];

    // Act
    const refusals = await Promise.all(
      positions.map((position) => {
        const changed = `${sealed.slice(0, position)}${sealed[position] === 'A' ? 'B' : 'A'}${sealed.slice(position + 1)}`;
        return refusalOf(openBundle(deps, changed, RECIPIENT_URN));
      }),
    );

    // Assess
    expect(refusals.filter((refusal) => refusal === 'accepted' || refusal === 'other error')).toEqual([]);
    expect(deps.seenBundles.seen.size).toBe(0);
  });

  it('refuses a changed character that decodes to the same bytes (the spare bits of a segment)', async () => {
    // Prepare: the tag is 16 bytes, 22 base64url characters; the last one carries 4 spare bits
    const deps = await receiver();
    const sealed = await sealForElmfield(exampleBundle());
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const tag = sealed.split('.')[4]!;
    const sameBytesTag = `${tag.slice(0, -1)}${alphabet[alphabet.indexOf(tag.at(-1)!) ^ 1]}`;
    const changed = `${sealed.slice(0, -tag.length)}${sameBytesTag}`;
    expect(Buffer.from(sameBytesTag, 'base64url')).toEqual(Buffer.from(tag, 'base64url'));

    // Act
    const refusal = await refusalOf(openBundle(deps, changed, RECIPIENT_URN));

    // Assess
    expect(changed).not.toBe(sealed);
    expect(refusal).toBe('undecryptable');
  });

  it('refuses a bundle whose content was changed after signing and encrypted again', async () => {
    // Prepare
    const deps = await receiver();
    const genuine = await sealBundle(exampleBundle(), hollybank, await hollybank.publicKey('encryption'));
    const [header, , signature] = new TextDecoder().decode(await hollybank.decrypt(genuine)).split('.');
    const altered = { ...exampleBundle(), pupil: { ...exampleBundle().pupil, familyName: 'Marsh' } };
    const forged = await encryptToElmfield(`${header}.${base64url.encode(JSON.stringify(altered))}.${signature}`);

    // Act
    const refusal = await refusalOf(openBundle(deps, forged, RECIPIENT_URN));

    // Assess
    expect(refusal).toBe('bad_signature');
    expect(deps.seenBundles.seen.size).toBe(0);
  });

  it('refuses a bundle signed by a key Elmfield does not trust', async () => {
    // Prepare
    const deps = await receiver();
    const sealed = await sealForElmfield(exampleBundle(), stranger);

    // Act
    const refusal = await refusalOf(openBundle(deps, sealed, RECIPIENT_URN));

    // Assess
    expect(refusal).toBe('unknown_sender_key');
  });

  it('refuses a bundle that claims a trusted key id but is signed by another key', async () => {
    // Prepare
    const deps = await receiver();
    const impostor: Pick<TransferKeys, 'publicKey' | 'sign'> = { publicKey: (use) => hollybank.publicKey(use), sign: (input) => stranger.sign(input) };
    const sealed = await sealForElmfield(exampleBundle(), impostor);

    // Act
    const refusal = await refusalOf(openBundle(deps, sealed, RECIPIENT_URN));

    // Assess
    expect(refusal).toBe('bad_signature');
  });

  it('refuses the same bundle delivered twice, and the first is the one taken', async () => {
    // Prepare
    const deps = await receiver();
    const sealed = await sealForElmfield(exampleBundle());
    await openBundle(deps, sealed, RECIPIENT_URN);

    // Act
    const refusal = await refusalOf(openBundle(deps, sealed, RECIPIENT_URN));

    // Assess
    expect(refusal).toBe('replayed');
    expect(deps.seenBundles.seen.size).toBe(1);
  });

  it('refuses a replay sealed afresh around the same bundle id', async () => {
    // Prepare
    const deps = await receiver();
    await openBundle(deps, await sealForElmfield(exampleBundle()), RECIPIENT_URN);
    const resealed = await sealForElmfield(exampleBundle());

    // Act
    const refusal = await refusalOf(openBundle(deps, resealed, RECIPIENT_URN));

    // Assess
    expect(refusal).toBe('replayed');
  });

  it('refuses a bundle addressed to another school', async () => {
    // Prepare
    const deps = await receiver();
    const sealed = await sealForElmfield({ ...exampleBundle(), recipient: { urn: '100003', name: 'Oakwood School' } });

    // Act
    const refusal = await refusalOf(openBundle(deps, sealed, RECIPIENT_URN));

    // Assess
    expect(refusal).toBe('wrong_recipient');
  });

  it('refuses a bundle whose sender is not the owner of the signing key', async () => {
    // Prepare
    const deps = await receiver();
    const sealed = await sealForElmfield({ ...exampleBundle(), sender: { urn: '100009', name: 'Another School' } });

    // Act
    const refusal = await refusalOf(openBundle(deps, sealed, RECIPIENT_URN));

    // Assess
    expect(refusal).toBe('sender_mismatch');
  });

  it.each([
    ['content that breaks the format', (bundle: TransferBundle) => ({ ...bundle, version: 2 })],
    ['an incident naming a file that is not carried', (bundle: TransferBundle) => ({ ...bundle, files: [] })],
    ['two files with one id', (bundle: TransferBundle) => ({ ...bundle, files: [bundle.files[0]!, bundle.files[0]!] })],
  ])('refuses a signed bundle with %s, and does not use up its id', async (_story, change) => {
    // Prepare
    const deps = await receiver();
    const sealed = await sealForElmfield(change(exampleBundle()) as TransferBundle);

    // Act
    const refusal = await refusalOf(openBundle(deps, sealed, RECIPIENT_URN));

    // Assess
    expect(refusal).toBe('not_a_bundle');
    expect(deps.seenBundles.seen.size).toBe(0);
  });

  it('refuses a JWS of another type even when signed by the trusted key', async () => {
    // Prepare
    const deps = await receiver();
    const signingInput = `${base64url.encode(JSON.stringify({ alg: 'PS256', typ: 'JWT', kid: await transferKeyId(await hollybank.publicKey('signing')) }))}.${base64url.encode(JSON.stringify(exampleBundle()))}`;
    const signature = base64url.encode(await hollybank.sign(new TextEncoder().encode(signingInput)));
    const sealed = await encryptToElmfield(`${signingInput}.${signature}`);

    // Act
    const refusal = await refusalOf(openBundle(deps, sealed, RECIPIENT_URN));

    // Assess
    expect(refusal).toBe('unsigned');
    expect(SIGNED_BUNDLE_TYPE).toBe('lantern-transfer-bundle+jws');
  });

  it('lets a key-store outage through as itself, not as a refused bundle', async () => {
    // Prepare
    const outage = new Error('KMS is throttling');
    const deps = { ...(await receiver()), transferKeys: { decrypt: async () => Promise.reject(outage) } };
    const sealed = await sealForElmfield(exampleBundle());

    // Act
    const attempt = openBundle(deps, sealed, RECIPIENT_URN);

    // Assess
    await expect(attempt).rejects.toBe(outage);
  });
});

describe('files carried beside a bundle', { timeout: KEY_WORK_TIMEOUT_MS }, () => {
  const bytes = new Uint8Array(2048);
  const entry = { size: 2048, sha256: createHash('sha256').update(bytes).digest('hex') };

  it('opens a carried file whose bytes match the signed manifest', async () => {
    // Prepare
    const sealed = await sealCarriedFile(bytes, await elmfield.publicKey('encryption'));

    // Act
    const opened = await openCarriedFile({ transferKeys: elmfield }, sealed, entry);

    // Assess
    expect(opened).toEqual(bytes);
    expect(entry.sha256).toBe(exampleBundle().files[0]!.sha256);
  });

  it('refuses a carried file swapped for other bytes', async () => {
    // Prepare
    const other = new Uint8Array(2048).fill(1);
    const sealed = await sealCarriedFile(other, await elmfield.publicKey('encryption'));

    // Act
    const refusal = await refusalOf(openCarriedFile({ transferKeys: elmfield }, sealed, entry));

    // Assess
    expect(refusal).toBe('file_mismatch');
  });
});
