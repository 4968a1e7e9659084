import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  type GetObjectTaggingCommandOutput,
  NoSuchKey,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Config } from '../../config/load-config';
import type { FileQuarantine, FileStore, PresignedUpload, StoredFile } from '../../domain/ports';

/**
 * The tag an upload carries until it is attached. The bucket's lifecycle rule deletes
 * objects still tagged pending after a day (infra/constructs/data-stores.ts).
 */
export const UPLOAD_TAG_KEY = 'lantern-upload';
export const PENDING_UPLOAD_TAGGING = `${UPLOAD_TAG_KEY}=pending`;

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

export class S3FileStore implements FileStore, FileQuarantine {
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
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async presignUpload(request: { key: string; contentType: string; size: number; expiresInSeconds: number }): Promise<PresignedUpload> {
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: request.key,
      ContentType: request.contentType,
      ContentLength: request.size,
      Tagging: PENDING_UPLOAD_TAGGING,
      // One upload per URL: S3 refuses to overwrite the object (a clean file swapped after its scan).
      IfNoneMatch: '*',
    });
    // Signed, so S3 refuses another type, another length or an upload without the pending
    // tag under this URL (s3rver checks none of it: the unit tests read them back from the URL).
    const url = await getSignedUrl(this.client, command, {
      expiresIn: request.expiresInSeconds,
      signableHeaders: new Set(['content-type', 'content-length', 'x-amz-tagging', 'if-none-match']),
      unhoistableHeaders: new Set(['x-amz-tagging', 'if-none-match']),
    });
    return {
      method: 'PUT',
      url,
      // The browser sets Content-Length itself, from the body it sends.
      headers: { 'content-type': request.contentType, 'x-amz-tagging': PENDING_UPLOAD_TAGGING, 'if-none-match': '*' },
      expiresAt: new Date(Date.now() + request.expiresInSeconds * 1000).toISOString(),
    };
  }

  async presignDownload(request: { key: string; contentType: string; fileName: string; expiresInSeconds: number }): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: request.key,
      ResponseContentType: request.contentType,
      ResponseContentDisposition: attachmentDisposition(request.fileName),
    });
    return getSignedUrl(this.client, command, { expiresIn: request.expiresInSeconds });
  }

  async readStart(key: string, bytes: number): Promise<Uint8Array | undefined> {
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${bytes - 1}` }));
      return result.Body ? await result.Body.transformToByteArray() : new Uint8Array();
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async markKept(key: string): Promise<boolean> {
    // PutObjectTagging replaces the whole set: keep the scanner's tags.
    let current: GetObjectTaggingCommandOutput;
    try {
      current = await this.client.send(new GetObjectTaggingCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      // Not uploaded (yet), or moved to quarantine: nothing to keep.
      if (isMissing(error)) return false;
      throw error;
    }
    const others = (current.TagSet ?? []).filter((tag) => tag.Key !== UPLOAD_TAG_KEY);
    await this.client.send(
      new PutObjectTaggingCommand({ Bucket: this.bucket, Key: key, Tagging: { TagSet: [...others, { Key: UPLOAD_TAG_KEY, Value: 'attached' }] } }),
    );
    return true;
  }

  async quarantine(fromKey: string, toKey: string): Promise<void> {
    await this.client.send(
      new CopyObjectCommand({ Bucket: this.bucket, Key: toKey, CopySource: `${this.bucket}/${encodeURIComponent(fromKey).replace(/%2F/g, '/')}`, TaggingDirective: 'COPY' }),
    );
    // The bucket is versioned: this hides the original behind a delete marker; its version stays for the record.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: fromKey }));
  }
}

/** RFC 6266: an ASCII fallback name and the UTF-8 name, so "Llythyr gan riant – Ŵyn.pdf" downloads as itself. */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function isMissing(error: unknown): boolean {
  return error instanceof NoSuchKey || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404);
}
