import * as z from 'zod/mini';
import { MAX_IMPORT_BYTES, MAX_INLINE_CSV_CHARS } from '../domain/students/import/manage-imports';
import { importColumns } from '../domain/students/import/mis-columns';

const archiveMissing = z.optional(z.boolean()).check(z.meta({ description: 'Also archive pupils on roll in Lantern who are not in the file (a whole-school export only)' }));

/** Either the file inline (small files) or its size, for a presigned upload. */
export const NewPupilImport = z
  .union([
    z.strictObject({ csv: z.string().check(z.minLength(1, 'give the CSV'), z.maxLength(MAX_INLINE_CSV_CHARS, `is over ${MAX_INLINE_CSV_CHARS} characters: ask for an upload with size`)), archiveMissing }),
    z.strictObject({ size: z.number().check(z.meta({ description: `The file's size in bytes, at most ${MAX_IMPORT_BYTES}` })), archiveMissing }),
  ]).check(z.meta({
    id: 'NewPupilImport',
    description: `A CSV export from SIMS or Arbor. Columns (any case): ${importColumns.map((column) => `${column.field}${column.required ? '' : ' (optional)'}`).join(', ')}. With csv, the job is queued at once; with size, upload the file to the URL returned, then POST /v1/imports/{id}/start.`,
  }));

const Counts = z.object({
  rows: z.number().check(z.int()),
  accepted: z.number().check(z.int()),
  created: z.number().check(z.int()),
  changed: z.number().check(z.int()),
  archived: z.number().check(z.int()),
  unchanged: z.number().check(z.int()),
  skipped: z.number().check(z.int()),
  rejected: z.number().check(z.int()),
  notInFile: z.number().check(z.int()),
});

export const PupilImportView = z
  .object({
    id: z.string(),
    status: z.enum(['awaiting_upload', 'queued', 'writing', 'done', 'rejected', 'failed']),
    archiveMissing: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.optional(z.string()),
    progress: z.object({ total: z.number().check(z.int()), written: z.number().check(z.int()) }),
    counts: Counts,
    problems: z.array(z.object({ row: z.number().check(z.int()), reason: z.string() })).check(z.meta({ description: 'Rejected rows by number (the header is row 1) and why; never their values' })),
    mapping: z.optional(z.array(z.object({ header: z.string(), field: z.string() }))),
    failure: z.optional(z.string()),
  }).check(z.meta({ id: 'PupilImport' }));

export const PupilImportCreated = z
  .object({
    import: PupilImportView,
    upload: z.optional(z.object({ method: z.literal('PUT'), url: z.string(), headers: z.record(z.string(), z.string()), expiresAt: z.string() })),
  }).check(z.meta({ id: 'PupilImportCreated' }));

export const PupilImportRead = z.object({ import: PupilImportView }).check(z.meta({ id: 'PupilImportRead' }));

export const ImportPath = z.object({ id: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)) }).check(z.meta({ id: 'ImportPath' }));
