import * as z from 'zod';
import { FILE_NAME_MAX_CHARS } from '../domain/files/file-name';
import { MAX_FILE_BYTES, allowedFileTypes } from '../domain/files/file-types';

/**
 * Shape rules only; the type, size and name rules (each refusal naming its rule) are the
 * domain's (shared/domain/files/create-upload.ts), so the browser and the API agree.
 */
export const NewUpload = z
  .object({
    // Longer names are cut down to FILE_NAME_MAX_CHARS; absurd ones are refused here.
    name: z.string().min(1, 'give the file its name').max(1000, 'is too long'),
    contentType: z.string().min(1, 'give the type of the file').max(200).meta({ description: `One of: ${allowedFileTypes.map((type) => type.contentType).join(', ')}` }),
    size: z.number().meta({ description: `In bytes, at most ${MAX_FILE_BYTES}` }),
  })
  .strict()
  .meta({ id: 'NewUpload', description: `Names are kept without folders or control characters, at most ${FILE_NAME_MAX_CHARS} characters.` });

export const UploadStarted = z
  .object({
    file: z.object({ id: z.string(), name: z.string(), contentType: z.string(), size: z.number().int(), scan: z.literal('pending') }),
    upload: z.object({
      method: z.literal('PUT'),
      url: z.string(),
      headers: z.record(z.string(), z.string()).meta({ description: 'Send exactly these headers with the file as the body' }),
      expiresAt: z.string(),
    }),
  })
  .meta({ id: 'UploadStarted' });

export const FilePath = z.object({ id: z.string().trim().min(1).max(100) }).meta({ id: 'FilePath' });

export const FileDownload = z
  .object({ url: z.string(), expiresInSeconds: z.number().int(), name: z.string(), contentType: z.string() })
  .meta({ id: 'FileDownload', description: 'The link answers with Content-Disposition: attachment and the stored type' });
