import * as z from 'zod';
import { MAX_IMPORT_BYTES, MAX_INLINE_CSV_CHARS } from '../domain/students/import/manage-imports';
import { importColumns } from '../domain/students/import/mis-columns';

const archiveMissing = z.boolean().optional().meta({ description: 'Also archive pupils on roll in Lantern who are not in the file (a whole-school export only)' });

/** Either the file inline (small files) or its size, for a presigned upload. */
export const NewPupilImport = z
  .union([
    z.object({ csv: z.string().min(1, 'give the CSV').max(MAX_INLINE_CSV_CHARS, `is over ${MAX_INLINE_CSV_CHARS} characters: ask for an upload with size`), archiveMissing }).strict(),
    z.object({ size: z.number().meta({ description: `The file's size in bytes, at most ${MAX_IMPORT_BYTES}` }), archiveMissing }).strict(),
  ])
  .meta({
    id: 'NewPupilImport',
    description: `A CSV export from SIMS or Arbor. Columns (any case): ${importColumns.map((column) => `${column.field}${column.required ? '' : ' (optional)'}`).join(', ')}. With csv, the job is queued at once; with size, upload the file to the URL returned, then POST /v1/imports/{id}/start.`,
  });

const Counts = z.object({
  rows: z.number().int(),
  accepted: z.number().int(),
  created: z.number().int(),
  changed: z.number().int(),
  archived: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  notInFile: z.number().int(),
});

export const PupilImportView = z
  .object({
    id: z.string(),
    status: z.enum(['awaiting_upload', 'queued', 'writing', 'done', 'rejected', 'failed']),
    archiveMissing: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().optional(),
    progress: z.object({ total: z.number().int(), written: z.number().int() }),
    counts: Counts,
    problems: z.array(z.object({ row: z.number().int(), reason: z.string() })).meta({ description: 'Rejected rows by number (the header is row 1) and why; never their values' }),
    mapping: z.array(z.object({ header: z.string(), field: z.string() })).optional(),
    failure: z.string().optional(),
  })
  .meta({ id: 'PupilImport' });

export const PupilImportCreated = z
  .object({
    import: PupilImportView,
    upload: z.object({ method: z.literal('PUT'), url: z.string(), headers: z.record(z.string(), z.string()), expiresAt: z.string() }).optional(),
  })
  .meta({ id: 'PupilImportCreated' });

export const PupilImportRead = z.object({ import: PupilImportView }).meta({ id: 'PupilImportRead' });

export const ImportPath = z.object({ id: z.string().trim().min(1).max(100) }).meta({ id: 'ImportPath' });
