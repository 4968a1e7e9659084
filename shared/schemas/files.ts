import * as z from 'zod/mini';
import { FILE_NAME_MAX_CHARS } from '../domain/files/file-name';
import { MAX_FILE_BYTES, allowedFileTypes } from '../domain/files/file-types';

/**
 * Shape rules only; the type, size and name rules (each refusal naming its rule) are the
 * domain's (shared/domain/files/create-upload.ts), so the browser and the API agree.
 */
export const NewUpload = z.strictObject({
    // Longer names are cut down to FILE_NAME_MAX_CHARS; absurd ones are refused here.
    name: z.string().check(z.minLength(1, 'give the file its name'), z.maxLength(1000, 'is too long')),
    contentType: z.string().check(z.minLength(1, 'give the type of the file'), z.maxLength(200), z.meta({ description: `One of: ${allowedFileTypes.map((type) => type.contentType).join(', ')}` })),
    size: z.number().check(z.meta({ description: `In bytes, at most ${MAX_FILE_BYTES}` })),
  }).check(z.meta({ id: 'NewUpload', description: `Names are kept without folders or control characters, at most ${FILE_NAME_MAX_CHARS} characters.` }));

export const UploadStarted = z.object({
    file: z.object({ id: z.string(), name: z.string(), contentType: z.string(), size: z.number().check(z.int()), scan: z.literal('pending') }),
    upload: z.object({
      method: z.literal('PUT'),
      url: z.string(),
      headers: z.record(z.string(), z.string()).check(z.meta({ description: 'Send exactly these headers with the file as the body' })),
      expiresAt: z.string(),
    }),
  }).check(z.meta({ id: 'UploadStarted' }));

export const FilePath = z.object({ id: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)) }).check(z.meta({ id: 'FilePath' }));

export const FileDownload = z.object({ url: z.string(), expiresInSeconds: z.number().check(z.int()), name: z.string(), contentType: z.string() }).check(z.meta({ id: 'FileDownload', description: 'The link answers with Content-Disposition: attachment and the stored type' }));
