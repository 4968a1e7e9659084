import { describe, expect, it } from 'vitest';
import { keyFingerprint, transferKeyId } from '../../../../shared/domain/transfers/key-fingerprint';
import { schoolKeys, KEY_WORK_TIMEOUT_MS } from '../../support/transfer-fakes';

// RFC 7638 §3.1: the example RSA key and its SHA-256 thumbprint.
const rfcKey = {
  kty: 'RSA',
  n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
  e: 'AQAB',
};
const rfcThumbprint = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs';

describe('transfer key fingerprints for a phone check', { timeout: KEY_WORK_TIMEOUT_MS }, () => {
  it('identifies a key by its RFC 7638 thumbprint', async () => {
    // Prepare: the RFC's example key, with the fields a school publishes besides
    const published = { ...rfcKey, alg: 'PS256', use: 'sig' };

    // Act
    const keyId = await transferKeyId(published);

    // Assess
    expect(keyId).toBe(rfcThumbprint);
  });

  it('shows the thumbprint as 16 groups of 4 upper-case hex digits', async () => {
    // Prepare
    const expected = Buffer.from(rfcThumbprint, 'base64url').toString('hex').toUpperCase();

    // Act
    const fingerprint = await keyFingerprint(rfcKey);

    // Assess
    expect(fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(fingerprint.replaceAll(' ', '')).toBe(expected);
    expect(fingerprint.startsWith('3736 CBB1')).toBe(true);
  });

  it('differs for another school’s key', async () => {
    // Prepare
    const [one, two] = await Promise.all([schoolKeys(), schoolKeys()]);

    // Act
    const fingerprints = await Promise.all([keyFingerprint(await one.publicKey('signing')), keyFingerprint(await two.publicKey('signing'))]);

    // Assess
    expect(fingerprints[0]).not.toBe(fingerprints[1]);
  });
});
