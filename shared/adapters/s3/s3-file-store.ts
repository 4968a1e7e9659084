import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Config } from '../../config/load-config';
import type { FileStore, StoredFile } from '../../domain/ports';

export function createS3Client(config: Pick<Config, 'region' | 'endpoints'>): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoints.s3,
    // Stand-ins answer path-style only; AWS accepts both.
    forcePathStyle: Boolean(config.endpoints.s3),
    // Otherwise streamed bodies are stored wrapped in aws-chunked framing by s3rver.
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
}

export class S3FileStore implements FileStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(file: StoredFile): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: file.key, Body: file.body, ContentType: file.contentType }),
    );
  }

  async get(key: string): Promise<StoredFile | undefined> {
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const body = result.Body ? await result.Body.transformToByteArray() : new Uint8Array();
      return { key, contentType: result.ContentType ?? 'application/octet-stream', body };
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }

  async uploadUrl(key: string, contentType: string, expiresInSeconds: number): Promise<string> {
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: contentType });
    // Sign the content type so the browser cannot upload something else under this URL.
    return getSignedUrl(this.client, command, { expiresIn: expiresInSeconds, signableHeaders: new Set(['content-type']) });
  }
}
