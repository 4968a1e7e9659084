import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { ValidationError } from '../../errors/lantern-error';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';
import { MAX_FILE_BYTES, allowedTypesSentence, fileTypeOf } from './file-types';
import { FILE_NAME_MAX_CHARS, extensionOf, sanitiseFileName } from './file-name';
import { fileObjectKey, type StoredFileRecord } from './stored-file';

/** The presigned upload lasts five minutes: long enough to start a 25 MB upload on a school's Wi-Fi. */
export const UPLOAD_URL_SECONDS = 5 * 60;

export interface NewUpload {
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
}

/**
 * Seeds 000–004: staff attach letters, minutes, saved emails and photos. The file is
 * uploaded by the browser straight to the bucket with a presigned PUT that fixes its type,
 * length and key; it is scanned there, and attached by id when the incident or action is
 * submitted. Refused before any URL is made: a type not on the list, more than 25 MB, a
 * name with nothing left once cleaned, or an extension that is not the type's.
 */
export async function createUpload(deps: Pick<Deps, 'files' | 'fileRecords' | 'school' | 'audit' | 'clock' | 'ids'>, caller: StaffCaller, input: NewUpload, origin: RequestOrigin) {
  const type = fileTypeOf(input.contentType);
  if (!type) throw ValidationError.forField('contentType', `must be one of the kinds Lantern keeps: ${allowedTypesSentence}`);
  if (!Number.isInteger(input.size) || input.size < 1) throw ValidationError.forField('size', 'must be a whole number of bytes, at least 1');
  if (input.size > MAX_FILE_BYTES) throw ValidationError.forField('size', `must be at most 25 MB (${MAX_FILE_BYTES.toLocaleString('en-GB')} bytes)`);
  const name = sanitiseFileName(input.name);
  if (!name) throw ValidationError.forField('name', 'must have at least one letter or digit once folders and control characters are removed');
  if (!type.extensions.includes(extensionOf(name))) {
    throw ValidationError.forField('name', `must end in .${type.extensions.join(' or .')} for a ${type.label} file`);
  }

  const now = deps.clock.now();
  const id = deps.ids.next();
  const record: StoredFileRecord = {
    id,
    name,
    contentType: type.contentType,
    size: input.size,
    uploaderId: caller.staffId,
    uploadedAt: now.toISOString(),
    key: fileObjectKey(deps.school.id, id),
    scan: 'pending',
  };
  const upload = await deps.files.presignUpload({ key: record.key, contentType: record.contentType, size: record.size, expiresInSeconds: UPLOAD_URL_SECONDS });
  await deps.fileRecords.create(record, auditEvent(deps, caller, origin, { action: 'file.upload', recordType: 'file', recordId: id }));
  return { file: fileView(record), upload };
}

export { FILE_NAME_MAX_CHARS };

/** A file as the API shows it: never its key. */
export function fileView(record: Pick<StoredFileRecord, 'id' | 'name' | 'contentType' | 'size' | 'scan'>) {
  return { id: record.id, name: record.name, contentType: record.contentType, size: record.size, scan: record.scan };
}
