import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { S3FileStore, createS3Client } from '../../../shared/adapters/s3/s3-file-store';

const fakeCredentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

/** The part of an SDK stream body the adapter reads. */
const streamBody = (bytes: Uint8Array) => ({ transformToByteArray: async () => bytes }) as never;

describe('S3FileStore with a mocked client', () => {
  const s3 = mockClient(S3Client);
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

describe('S3FileStore upload URLs', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('presigns a PUT that signs the content type, so nothing else can be uploaded under it', async () => {
    // Prepare: a real client with fake credentials; presigning needs no network.
    const store = new S3FileStore(new S3Client({ region: 'eu-west-2', credentials: fakeCredentials }), 'lantern-files-castle-mead');

    // Act
    const url = new URL(await store.uploadUrl('incidents/01JHT/photo.jpg', 'image/jpeg', 300));

    // Assess
    expect(url.hostname).toBe('lantern-files-castle-mead.s3.eu-west-2.amazonaws.com');
    expect(url.pathname).toBe('/incidents/01JHT/photo.jpg');
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toContain('content-type');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^AKIAIOSFODNN7EXAMPLE\/\d{8}\/eu-west-2\/s3\/aws4_request$/);
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('presigns path-style against a local stand-in', async () => {
    // Prepare: the default credential chain reads the environment, as in Lambda.
    vi.stubEnv('AWS_ACCESS_KEY_ID', fakeCredentials.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', fakeCredentials.secretAccessKey);
    const store = new S3FileStore(createS3Client({ region: 'eu-west-2', endpoints: { s3: 'http://127.0.0.1:4569' } }), 'lantern-files-castle-mead');

    // Act
    const url = new URL(await store.uploadUrl('incidents/01JHT/photo.jpg', 'image/jpeg', 60));

    // Assess
    expect(url.host).toBe('127.0.0.1:4569');
    expect(url.pathname).toBe('/lantern-files-castle-mead/incidents/01JHT/photo.jpg');
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
