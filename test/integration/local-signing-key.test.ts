import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateSigningKey, signingKeyFile } from '../../local/services/local-signing-key';

/** Issue 8, item 17: the local user pool's signing key is the data folder's own. */
describe('the local user pool\'s signing key', () => {
  const folders: string[] = [];
  afterEach(async () => {
    await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
  });
  const folder = async () => {
    const created = await mkdtemp(join(tmpdir(), 'lantern-signing-key-'));
    folders.push(created);
    return created;
  };
  const claims = { sub: '5f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b', token_use: 'access' };

  it('is made once per data folder, kept readable by its owner only, and reused on the next start', async () => {
    // Prepare
    const directory = await folder();

    // Act
    const first = await loadOrCreateSigningKey(directory);
    const again = await loadOrCreateSigningKey(directory);
    const token = await first.sign(claims);

    // Assess
    expect(again.kid).toBe(first.kid);
    expect(await again.verify(token)).toMatchObject(claims);
    expect((await stat(signingKeyFile(directory))).mode & 0o777).toBe(0o600);
    expect(first.jwks.keys).toEqual([expect.objectContaining({ kid: first.kid, alg: 'RS256', kty: 'RSA' })]);
    expect(first.jwks.keys[0]).not.toHaveProperty('d');
  });

  it('differs between data folders: a token from one stack is refused by another', async () => {
    // Prepare
    const mine = await loadOrCreateSigningKey(await folder());
    const theirs = await loadOrCreateSigningKey(await folder());

    // Act
    const verdict = await mine.verify(await theirs.sign(claims));

    // Assess
    expect(mine.kid).not.toBe(theirs.kid);
    expect(verdict).toBeUndefined();
  });
});
