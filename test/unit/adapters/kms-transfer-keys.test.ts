import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { constants, createHash, generateKeyPairSync, privateDecrypt, privateEncrypt, randomBytes, verify, type KeyObject } from 'node:crypto';
import { mockClient } from 'aws-sdk-client-mock';
import { DecryptCommand, GetPublicKeyCommand, InvalidCiphertextException, KMSClient, KMSServiceException, SignCommand } from '@aws-sdk/client-kms';
import { KmsTransferKeys } from '../../../shared/adapters/kms/kms-transfer-keys';
import { openBundle } from '../../../shared/domain/transfers/open-bundle';
import { sealBundle, sealCarriedFile } from '../../../shared/domain/transfers/seal-bundle';
import { UndecryptableError } from '../../../shared/domain/transfers/transfer-keys';
import { FixedClock } from '../support/fake-deps';
import { exampleBundle, InMemorySeenBundles, InMemoryTransferTrust, schoolKeys, KEY_WORK_TIMEOUT_MS } from '../support/transfer-fakes';

const kms = mockClient(KMSClient);
const keyIds = { signingKeyId: 'arn:aws:kms:eu-west-2:111122223333:key/signing', decryptionKeyId: 'arn:aws:kms:eu-west-2:111122223333:key/decryption' };
const adapter = () => new KmsTransferKeys(new KMSClient({ region: 'eu-west-2' }), keyIds);

// Stand-ins for the two KMS keys: their private halves stay in this test, as they would in KMS.
let signingKey: { publicKey: KeyObject; privateKey: KeyObject };
let decryptionKey: { publicKey: KeyObject; privateKey: KeyObject };

beforeAll(() => {
  signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  decryptionKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
}, KEY_WORK_TIMEOUT_MS);

afterEach(() => kms.reset());

const spki = (key: KeyObject) => new Uint8Array(key.export({ format: 'der', type: 'spki' }));

/**
 * What KMS Sign does with MessageType DIGEST and RSASSA_PSS_SHA_256: EMSA-PSS encoding of the
 * given digest (RFC 8017 §9.1.1, salt 32 bytes, MGF1 SHA-256), then the raw RSA private operation.
 */
function kmsPssSignDigest(digest: Uint8Array, privateKey: KeyObject): Uint8Array {
  const modulusBits = 2048;
  const emLength = Math.ceil((modulusBits - 1) / 8);
  const salt = randomBytes(32);
  const hash = createHash('sha256').update(Buffer.concat([Buffer.alloc(8), digest, salt])).digest();
  const db = Buffer.concat([Buffer.alloc(emLength - salt.length - hash.length - 2), Buffer.from([1]), salt]);
  const mask = mgf1(hash, db.length);
  const maskedDb = Buffer.from(db.map((byte, index) => byte ^ mask[index]!));
  maskedDb[0]! &= 0xff >> (8 * emLength - (modulusBits - 1));
  const encoded = Buffer.concat([maskedDb, hash, Buffer.from([0xbc])]);
  return new Uint8Array(privateEncrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, Buffer.concat([Buffer.alloc(256 - encoded.length), encoded])));
}

function mgf1(seed: Buffer, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let counter = 0; blocks.length * 32 < length; counter += 1) {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    blocks.push(createHash('sha256').update(Buffer.concat([seed, count])).digest());
  }
  return Buffer.concat(blocks).subarray(0, length);
}

function standInKms(): void {
  kms.on(GetPublicKeyCommand, { KeyId: keyIds.signingKeyId }).resolves({ KeyId: keyIds.signingKeyId, PublicKey: spki(signingKey.publicKey), KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
  kms.on(GetPublicKeyCommand, { KeyId: keyIds.decryptionKeyId }).resolves({ KeyId: keyIds.decryptionKeyId, PublicKey: spki(decryptionKey.publicKey), KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' });
  kms.on(SignCommand).callsFake((input) => ({ KeyId: input.KeyId, Signature: kmsPssSignDigest(input.Message, signingKey.privateKey), SigningAlgorithm: input.SigningAlgorithm }));
  kms.on(DecryptCommand).callsFake((input) => {
    try {
      return { KeyId: input.KeyId, Plaintext: new Uint8Array(privateDecrypt({ key: decryptionKey.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, input.CiphertextBlob)) };
    } catch {
      throw new InvalidCiphertextException({ message: 'The ciphertext is invalid', $metadata: {} });
    }
  });
}

describe('KmsTransferKeys', { timeout: KEY_WORK_TIMEOUT_MS }, () => {
  it('publishes the KMS keys’ public halves as JWKs, asking KMS once for each', async () => {
    // Prepare
    standInKms();
    const keys = adapter();

    // Act
    const signing = await keys.publicKey('signing');
    await keys.publicKey('signing');
    const encryption = await keys.publicKey('encryption');

    // Assess
    expect(signing).toEqual({ ...signingKey.publicKey.export({ format: 'jwk' }), alg: 'PS256', use: 'sig' });
    expect(encryption).toEqual({ ...decryptionKey.publicKey.export({ format: 'jwk' }), alg: 'RSA-OAEP-256', use: 'enc' });
    expect(kms).toHaveReceivedCommandTimes(GetPublicKeyCommand, 2);
  });

  it('refuses a KMS key made for the other use', async () => {
    // Prepare
    kms.on(GetPublicKeyCommand).resolves({ PublicKey: spki(signingKey.publicKey), KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' });

    // Act
    const attempt = adapter().publicKey('signing');

    // Assess
    await expect(attempt).rejects.toThrow('must be an RSA key with usage SIGN_VERIFY');
  });

  it('has KMS sign the digest of the signing input with RSASSA-PSS SHA-256, which verifies as PS256', async () => {
    // Prepare
    standInKms();
    const input = new TextEncoder().encode(`eyJhbGciOiJQUzI1NiJ9.${'x'.repeat(10_000)}`);

    // Act
    const signature = await adapter().sign(input);

    // Assess
    expect(kms).toHaveReceivedCommandWith(SignCommand, {
      KeyId: keyIds.signingKeyId,
      Message: new Uint8Array(createHash('sha256').update(input).digest()),
      MessageType: 'DIGEST',
      SigningAlgorithm: 'RSASSA_PSS_SHA_256',
    });
    expect(verify('sha256', input, { key: signingKey.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature)).toBe(true);
  });

  it('seals a bundle another school opens with its own keys', async () => {
    // Prepare
    standInKms();
    const elmfield = await schoolKeys();
    const hollybank = adapter();
    const trust = new InMemoryTransferTrust([{ urn: '100001', name: 'Hollybank Primary School', signingKey: await hollybank.publicKey('signing'), encryptionKey: await hollybank.publicKey('encryption') }]);
    const sealed = await sealBundle(exampleBundle(), hollybank, await elmfield.publicKey('encryption'));

    // Act
    const opened = await openBundle({ transferKeys: elmfield, transferTrust: trust, seenBundles: new InMemorySeenBundles(), clock: new FixedClock() }, sealed, '100002');

    // Assess
    expect(opened.bundle).toEqual(exampleBundle());
  });

  it('decrypts with only the wrapped content key sent to KMS, never the content', async () => {
    // Prepare
    standInKms();
    const keys = adapter();
    const content = new TextEncoder().encode('Robin said "I didn\'t have any breakfast again".'.repeat(20));
    const sealed = await sealCarriedFile(content, await keys.publicKey('encryption'));

    // Act
    const plaintext = await keys.decrypt(sealed);

    // Assess
    expect(plaintext).toEqual(content);
    const sent = kms.commandCalls(DecryptCommand)[0]!.args[0].input;
    expect(sent).toMatchObject({ KeyId: keyIds.decryptionKeyId, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' });
    expect(sent.CiphertextBlob).toHaveLength(256);
    expect(Buffer.from(sent.CiphertextBlob!).toString('latin1')).not.toContain('breakfast');
  });

  it('refuses content changed after encryption, and a content key KMS cannot decrypt', async () => {
    // Prepare
    standInKms();
    const keys = adapter();
    const sealed = await sealCarriedFile(new TextEncoder().encode('minutes of the meeting'), await keys.publicKey('encryption'));
    const parts = sealed.split('.');
    const changedContent = [...parts.slice(0, 3), `${parts[3]![0] === 'A' ? 'B' : 'A'}${parts[3]!.slice(1)}`, parts[4]].join('.');
    const changedKey = [parts[0], `${parts[1]![0] === 'A' ? 'B' : 'A'}${parts[1]!.slice(1)}`, ...parts.slice(2)].join('.');

    // Act
    const attempts = [keys.decrypt(changedContent), keys.decrypt(changedKey), keys.decrypt('not.a.jwe')];

    // Assess
    for (const attempt of attempts) await expect(attempt).rejects.toBeInstanceOf(UndecryptableError);
  });

  it('lets KMS throttling through as an outage, not as an undecryptable bundle', async () => {
    // Prepare
    standInKms();
    const keys = adapter();
    const sealed = await sealCarriedFile(new TextEncoder().encode('minutes'), await keys.publicKey('encryption'));
    const throttled = new KMSServiceException({ name: 'ThrottlingException', $fault: 'client', message: 'Rate exceeded', $metadata: {} });
    kms.on(DecryptCommand).rejects(throttled);

    // Act
    const attempt = keys.decrypt(sealed);

    // Assess
    await expect(attempt).rejects.toBe(throttled);
  });
});
