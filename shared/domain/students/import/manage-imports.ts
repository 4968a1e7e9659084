import type { Deps } from '../../deps';
import type { StaffCaller } from '../../identity/caller';
import { auditEvent, foundAbout, type RequestOrigin } from '../../audit/audit-context';
import { ConflictError, ValidationError } from '../../../errors/lantern-error';
import { FINISHED_STATUSES, type PupilImport } from './pupil-import';
import { noCounts } from './plan-import';
import type { DomainEvent } from '../../ports';

/** A presigned upload lasts fifteen minutes: a trust's file share can be slow. */
export const IMPORT_UPLOAD_SECONDS = 15 * 60;
/** API Gateway takes at most 10 MB in a request; an upload goes straight to the bucket, up to this. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** What may come inline in the request's JSON (a class or a small school); larger files use the upload. */
export const MAX_INLINE_CSV_CHARS = 1024 * 1024;
/** A job that has held the roll this long without finishing is taken to have died. */
export const ROLL_CLAIM_STALE_MS = 20 * 60 * 1000;

export const importObjectKey = (schoolId: string, importId: string) => `schools/${schoolId}/imports/${importId}.csv`;

export interface PupilImportRequestedDetail {
  readonly importId: string;
}

type ImportDeps = Pick<Deps, 'pupilImports' | 'files' | 'school' | 'audit' | 'clock' | 'ids'>;

export type NewImport = { readonly size: number; readonly archiveMissing?: boolean } | { readonly csv: string; readonly archiveMissing?: boolean };

/**
 * Starts an import. With `size`, a presigned PUT for the file (up to 20 MB, straight to the
 * files bucket's imports prefix: API Gateway would refuse more than 10 MB or 30 s) and the
 * import awaiting its upload; the client then starts it. With `csv` (up to 1 MB inline),
 * the file is stored and the job queued at once.
 */
export async function createImport(deps: ImportDeps, caller: StaffCaller, input: NewImport, origin: RequestOrigin) {
  const now = deps.clock.now().toISOString();
  const id = deps.ids.next();
  const inline = 'csv' in input ? input.csv : undefined;
  const size = inline !== undefined ? new TextEncoder().encode(inline).length : (input as { size: number }).size;
  if (inline !== undefined && inline.length > MAX_INLINE_CSV_CHARS) throw ValidationError.forField('csv', `must be at most ${MAX_INLINE_CSV_CHARS.toLocaleString('en-GB')} characters inline: ask for an upload with size instead`);
  if (inline === undefined && (!Number.isInteger(size) || size < 1 || size > MAX_IMPORT_BYTES)) throw ValidationError.forField('size', `must be a whole number of bytes from 1 to ${MAX_IMPORT_BYTES.toLocaleString('en-GB')}`);
  const record: PupilImport = {
    id,
    status: 'awaiting_upload',
    objectKey: importObjectKey(deps.school.id, id),
    size,
    archiveMissing: input.archiveMissing ?? false,
    createdBy: caller.staffId,
    createdByGroups: [...caller.groups],
    sourceIp: origin.sourceIp,
    createdAt: now,
    updatedAt: now,
    counts: noCounts,
    problems: [],
    progress: { total: 0, written: 0 },
  };
  const subject = { action: 'students.import.create', recordType: 'import' as const, recordId: id, detail: { size: String(size), archiveMissing: String(record.archiveMissing) } };
  if (inline !== undefined) {
    await deps.files.put({ key: record.objectKey, contentType: 'text/csv', body: new TextEncoder().encode(inline) });
    await deps.pupilImports.create(record, auditEvent(deps, caller, origin, subject));
    return { import: importView(await queueImport(deps, caller, record, origin)) };
  }
  const upload = await deps.files.presignUpload({ key: record.objectKey, contentType: 'text/csv', size, expiresInSeconds: IMPORT_UPLOAD_SECONDS });
  await deps.pupilImports.create(record, auditEvent(deps, caller, origin, subject));
  return { import: importView(record), upload };
}

/**
 * Asks for the job once the file is uploaded: one import at a time holds the roll, so a
 * second is refused while another is queued or writing. Starting a started import answers
 * it as it is.
 */
export async function startImport(deps: ImportDeps, caller: StaffCaller, importId: string, origin: RequestOrigin) {
  const record = foundAbout({ action: 'students.import.start', recordType: 'import', recordId: importId }, await deps.pupilImports.get(importId), 'No such import.');
  if (record.status !== 'awaiting_upload') return { import: importView(record) };
  const uploaded = await deps.files.readStart(record.objectKey, 1);
  if (!uploaded) throw new ConflictError('The file has not been uploaded yet: send it to the upload URL first.');
  return { import: importView(await queueImport(deps, caller, record, origin)) };
}

async function queueImport(deps: ImportDeps, caller: StaffCaller, record: PupilImport, origin: RequestOrigin): Promise<PupilImport> {
  const holder = await deps.pupilImports.rollHolder();
  const now = deps.clock.now();
  if (holder && holder.importId !== record.id && now.getTime() - Date.parse(holder.at) < ROLL_CLAIM_STALE_MS) {
    const other = await deps.pupilImports.get(holder.importId);
    if (other && !FINISHED_STATUSES.includes(other.status)) throw new ConflictError(`Import ${holder.importId} is still running: wait for its report, then start this one.`);
  }
  const queued: PupilImport = { ...record, status: 'queued', updatedAt: now.toISOString() };
  const event: DomainEvent<PupilImportRequestedDetail> = { id: deps.ids.next(), detailType: 'PupilImportRequested', detail: { importId: record.id } };
  await deps.pupilImports.queue(queued, event, auditEvent(deps, caller, origin, { action: 'students.import.start', recordType: 'import', recordId: record.id }));
  return queued;
}

export async function readImport(deps: Pick<Deps, 'pupilImports'>, importId: string) {
  const record = foundAbout({ action: 'students.import.read', recordType: 'import', recordId: importId }, await deps.pupilImports.get(importId), 'No such import.');
  return { import: importView(record) };
}

/** What the API shows of an import: counts, row numbers and reasons, never a pupil's details. */
export function importView(record: PupilImport) {
  return {
    id: record.id,
    status: record.status,
    archiveMissing: record.archiveMissing,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(record.finishedAt ? { finishedAt: record.finishedAt } : {}),
    progress: record.progress,
    counts: record.counts,
    problems: record.problems,
    ...(record.mapping ? { mapping: record.mapping } : {}),
    ...(record.failure ? { failure: record.failure } : {}),
  };
}
