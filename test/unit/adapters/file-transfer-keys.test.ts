import { describe, expect, it } from 'vitest';
import { constants, createPublicKey, verify } from 'node:crypto';
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileTransferKeys } from '../../../shared/adapters/file-keys/file-transfer-keys';
import { KEY_WORK_TIMEOUT_MS } from '../support/transfer-fakes';
import { sealCarriedFile } from '../../../shared/domain/transfers/seal-bundle';
import { UndecryptableError } from '../../../shared/domain/transfers/transfer-keys';

const directory = () => mkdtemp(join(tmpdir(), 'lantern-file-keys-'));

describe('FileTransferKeys (the local twin’s transfer keys)', { timeout: KEY_WORK_TIMEOUT_MS }, () => {
  it('makes two keys in the data directory on first use, readable by their owner only, and keeps them', async () => {
    // Prepare
    const folder = await directory();
    const first = await FileTransferKeys.inDirectory(folder, { rsaBits: 2048 });

    // Act
    const again = await FileTransferKeys.inDirectory(folder, { rsaBits: 2048 });

    // Assess
    expect((await readdir(folder)).sort()).toEqual(['encryption-key.jwk.json', 'signing-key.jwk.json']);
    expect((await stat(join(folder, 'signing-key.jwk.json'))).mode & 0o777).toBe(0o600);
    expect(await again.publicKey('signing')).toEqual(await first.publicKey('signing'));
    expect(await again.publicKey('encryption')).not.toEqual(await first.publicKey('signing'));
  });

  it('publishes only the public half, with its algorithm and use', async () => {
    // Prepare
    const keys = await FileTransferKeys.inDirectory(await directory(), { rsaBits: 2048 });

    // Act
    const [signing, encryption] = [await keys.publicKey('signing'), await keys.publicKey('encryption')];

    // Assess
    expect(Object.keys(signing).sort()).toEqual(['alg', 'e', 'kty', 'n', 'use']);
    expect(signing).toMatchObject({ kty: 'RSA', alg: 'PS256', use: 'sig' });
    expect(encryption).toMatchObject({ kty: 'RSA', alg: 'RSA-OAEP-256', use: 'enc' });
  });

  it('signs with RSASSA-PSS SHA-256, as PS256 verifies', async () => {
    // Prepare
    const folder = await directory();
    const keys = await FileTransferKeys.inDirectory(folder, { rsaBits: 2048 });
    const input = new TextEncoder().encode('header.payload');

    // Act
    const signature = await keys.sign(input);

    // Assess
    const publicKey = createPublicKey({ key: await keys.publicKey('signing'), format: 'jwk' });
    expect(verify('sha256', input, { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature)).toBe(true);
    expect(JSON.parse(await readFile(join(folder, 'signing-key.jwk.json'), 'utf8'))).toHaveProperty('d');
  });

  it('decrypts what was encrypted to it and refuses what was not', async () => {
    // Prepare
    const [mine, theirs] = await Promise.all([FileTransferKeys.inDirectory(await directory(), { rsaBits: 2048 }), FileTransferKeys.inDirectory(await directory(), { rsaBits: 2048 })]);
    const sealed = await sealCarriedFile(new TextEncoder().encode('minutes of the meeting'), await mine.publicKey('encryption'));

    // Act
    const plaintext = await mine.decrypt(sealed);
    const attempt = theirs.decrypt(sealed);

    // Assess
    expect(new TextDecoder().decode(plaintext)).toBe('minutes of the meeting');
    await expect(attempt).rejects.toBeInstanceOf(UndecryptableError);
  });
});
