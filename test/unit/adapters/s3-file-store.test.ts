import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, GetObjectTaggingCommand, NoSuchKey, PutObjectCommand, PutObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { PENDING_UPLOAD_TAGGING, S3FileStore, createS3Client } from '../../../shared/adapters/s3/s3-file-store';

const fakeCredentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

/** The part of an SDK stream body the adapter reads. */
const streamBody = (bytes: Uint8Array) => ({ transformToByteArray: async () => bytes }) as never;

// One mock for the file: a second mockClient of the same class would replace the first.
const s3 = mockClient(S3Client);

describe('S3FileStore with a mocked client', () => {
  afterEach(() => s3.reset());
  const store = () => new S3FileStore(new S3Client({ region: 'eu-west-2', credentials: fakeCredentials }), 'lantern-files-castle-mead');

  it('puts a file with its content type', async () => {
    // Prepare
    s3.on(PutObjectCommand).resolves({});
    const body = new TextEncoder().encode('%PDF-1.7 letter from parent');

    // Act
    await store().put({ key: 'incidents/01JHT/letter.pdf', contentType: 'application/pdf', body });

    // Assess
    expect(s3).toHaveReceivedCommandExactlyOnceWith(PutObjectCommand, {
      Bucket: 'lantern-files-castle-mead',
      Key: 'incidents/01JHT/letter.pdf',
      Body: body,
      ContentType: 'application/pdf',
    });
  });

  it('gets a file’s bytes and content type', async () => {
    // Prepare
    const bytes = new TextEncoder().encode('%PDF-1.7 letter from parent');
    s3.on(GetObjectCommand, { Bucket: 'lantern-files-castle-mead', Key: 'incidents/01JHT/letter.pdf' }).resolves({ Body: streamBody(bytes), ContentType: 'application/pdf' });

    // Act
    const file = await store().get('incidents/01JHT/letter.pdf');

    // Assess
    expect(file).toEqual({ key: 'incidents/01JHT/letter.pdf', contentType: 'application/pdf', body: bytes });
  });

  it('defaults an untyped file to application/octet-stream', async () => {
    // Prepare
    s3.on(GetObjectCommand).resolves({ Body: streamBody(new Uint8Array([1, 2, 3])) });

    // Act
    const file = await store().get('incidents/01JHT/blob');

    // Assess
    expect(file?.contentType).toBe('application/octet-stream');
  });

  it('answers undefined for a key that is not there', async () => {
    // Prepare
    s3.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } }));

    // Act
    const file = await store().get('incidents/01JHT/missing.pdf');

    // Assess
    expect(file).toBeUndefined();
  });

  it('lets any other failure reach the caller', async () => {
    // Prepare
    s3.on(GetObjectCommand).rejects(new Error('AccessDenied'));

    // Act
    const attempt = store().get('incidents/01JHT/letter.pdf');

    // Assess
    await expect(attempt).rejects.toThrow('AccessDenied');
  });
});

describe('S3FileStore presigned uploads and downloads', () => {
  // Presigning sends nothing: the real signer runs, without the mock.
  beforeEach(() => s3.restore());
  afterEach(() => {
    vi.unstubAllEnvs();
    s3.reset();
  });
  // A real client with fake credentials: presigning needs no network.
  const realStore = () => new S3FileStore(new S3Client({ region: 'eu-west-2', credentials: fakeCredentials }), 'lantern-files-castle-mead');

  it('signs the content type, the exact length, the pending tag and "never overwrite" into a 5-minute PUT', async () => {
    // Prepare
    const store = realStore();

    // Act
    const upload = await store.presignUpload({ key: 'schools/castle-mead/files/01JHT', contentType: 'image/jpeg', size: 48_213, expiresInSeconds: 300 });

    // Assess: S3 refuses a request whose signed headers differ (s3rver does not check, so read them back).
    const url = new URL(upload.url);
    expect(upload.method).toBe('PUT');
    expect(url.hostname).toBe('lantern-files-castle-mead.s3.eu-west-2.amazonaws.com');
    expect(url.pathname).toBe('/schools/castle-mead/files/01JHT');
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';').sort()).toEqual(['content-length', 'content-type', 'host', 'if-none-match', 'x-amz-tagging']);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^AKIAIOSFODNN7EXAMPLE\/\d{8}\/eu-west-2\/s3\/aws4_request$/);
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(upload.headers).toEqual({ 'content-type': 'image/jpeg', 'x-amz-tagging': PENDING_UPLOAD_TAGGING, 'if-none-match': '*' });
  });

  it('gives a different signature for a different length, so the length is part of what is signed', async () => {
    // Prepare
    const store = realStore();
    vi.useFakeTimers({ now: new Date('2026-11-23T09:30:00Z') });

    // Act
    const [small, large] = await Promise.all([
      store.presignUpload({ key: 'schools/castle-mead/files/01JHT', contentType: 'application/pdf', size: 1000, expiresInSeconds: 300 }),
      store.presignUpload({ key: 'schools/castle-mead/files/01JHT', contentType: 'application/pdf', size: 1001, expiresInSeconds: 300 }),
    ]);
    vi.useRealTimers();

    // Assess
    expect(new URL(small.url).searchParams.get('X-Amz-Signature')).not.toBe(new URL(large.url).searchParams.get('X-Amz-Signature'));
  });

  it('presigns a download that answers as an attachment with the stored type and the name', async () => {
    // Prepare
    const store = realStore();

    // Act
    const url = new URL(await store.presignDownload({ key: 'schools/castle-mead/files/01JHT', contentType: 'application/pdf', fileName: 'Letter – Ŵyn.pdf', expiresInSeconds: 60 }));

    // Assess
    expect(url.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(url.searchParams.get('response-content-type')).toBe('application/pdf');
    expect(url.searchParams.get('response-content-disposition')).toBe(`attachment; filename="Letter _ _yn.pdf"; filename*=UTF-8''Letter%20%E2%80%93%20%C5%B4yn.pdf`);
  });

  it('presigns path-style against a local stand-in', async () => {
    // Prepare: the default credential chain reads the environment, as in Lambda.
    vi.stubEnv('AWS_ACCESS_KEY_ID', fakeCredentials.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', fakeCredentials.secretAccessKey);
    const store = new S3FileStore(createS3Client({ region: 'eu-west-2', endpoints: { s3: 'http://127.0.0.1:4569' } }), 'lantern-files-castle-mead');

    // Act
    const upload = await store.presignUpload({ key: 'schools/castle-mead/files/01JHT', contentType: 'image/jpeg', size: 10, expiresInSeconds: 60 });

    // Assess
    const url = new URL(upload.url);
    expect(url.host).toBe('127.0.0.1:4569');
    expect(url.pathname).toBe('/lantern-files-castle-mead/schools/castle-mead/files/01JHT');
  });
});

describe('S3FileStore keeping and quarantining', () => {
  afterEach(() => s3.reset());
  const store = () => new S3FileStore(new S3Client({ region: 'eu-west-2', credentials: fakeCredentials }), 'lantern-files-castle-mead');

  it('marks an attached upload kept and keeps the scanner\'s tags', async () => {
    // Prepare
    s3.on(GetObjectTaggingCommand).resolves({ TagSet: [{ Key: 'GuardDutyMalwareScanStatus', Value: 'NO_THREATS_FOUND' }, { Key: 'lantern-upload', Value: 'pending' }] });
    s3.on(PutObjectTaggingCommand).resolves({});

    // Act
    const kept = await store().markKept('schools/castle-mead/files/01JHT');

    // Assess
    expect(kept).toBe(true);
    expect(s3).toHaveReceivedCommandWith(PutObjectTaggingCommand, {
      Key: 'schools/castle-mead/files/01JHT',
      Tagging: { TagSet: [{ Key: 'GuardDutyMalwareScanStatus', Value: 'NO_THREATS_FOUND' }, { Key: 'lantern-upload', Value: 'attached' }] },
    });
  });

  it('says an upload that never arrived cannot be kept, and tags nothing', async () => {
    // Prepare
    s3.on(GetObjectTaggingCommand).rejects(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } }));

    // Act
    const kept = await store().markKept('schools/castle-mead/files/01JHT');

    // Assess
    expect(kept).toBe(false);
    expect(s3).not.toHaveReceivedCommand(PutObjectTaggingCommand);
  });

  it('moves a file to quarantine: a copy there, then the original hidden', async () => {
    // Prepare
    s3.on(CopyObjectCommand).resolves({});
    s3.on(DeleteObjectCommand).resolves({});

    // Act
    await store().quarantine('schools/castle-mead/files/01JHT', 'schools/castle-mead/quarantine/01JHT');

    // Assess
    expect(s3).toHaveReceivedCommandWith(CopyObjectCommand, { Key: 'schools/castle-mead/quarantine/01JHT', CopySource: 'lantern-files-castle-mead/schools/castle-mead/files/01JHT' });
    expect(s3).toHaveReceivedCommandWith(DeleteObjectCommand, { Key: 'schools/castle-mead/files/01JHT' });
  });
});

describe('createS3Client', () => {
  it('uses path-style addressing when an endpoint is configured', async () => {
    // Prepare
    const config = { region: 'eu-west-2', endpoints: { s3: 'http://127.0.0.1:4569' } };

    // Act
    const client = createS3Client(config);

    // Assess
    expect(client.config.forcePathStyle).toBe(true);
    const endpoint = await client.config.endpoint?.();
    expect(endpoint?.hostname).toBe('127.0.0.1');
  });

  it('uses AWS’s default addressing without an endpoint', () => {
    // Prepare
    const config = { region: 'eu-west-2', endpoints: {} };

    // Act
    const client = createS3Client(config);

    // Assess
    expect(client.config.forcePathStyle).toBe(false);
    expect(client.config.endpoint).toBeUndefined();
  });
});
