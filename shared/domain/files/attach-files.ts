import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { UnprocessableError } from '../../errors/lantern-error';
import type { StoredFileRecord } from './stored-file';

/**
 * At most this many files an incident or an action: each attach is one item of the write's
 * one transaction (DynamoDB's 100). More can follow in actions.
 */
export const MAX_ATTACHMENTS = 5;

/**
 * The caller's own unattached uploads, in the order given. Someone else's upload, one
 * attached already, or an id that is not there is refused the same way (the field named),
 * so nobody learns of another's upload. The transaction checks again, so a race attaches
 * it once at most. Each object is tagged kept before the write, so the lifecycle rule for
 * unattached uploads cannot delete an attached one.
 */
export async function attachableFiles(deps: Pick<Deps, 'fileRecords' | 'files'>, caller: StaffCaller, fileIds: readonly string[], field: string): Promise<StoredFileRecord[]> {
  const unique = [...new Set(fileIds)];
  if (unique.length !== fileIds.length) throw new UnprocessableError('Each file may be attached once.', field);
  if (unique.length > MAX_ATTACHMENTS) throw new UnprocessableError(`Attach at most ${MAX_ATTACHMENTS} files; add more in an action.`, field);
  if (unique.length === 0) return [];
  const records = await deps.fileRecords.getMany(unique);
  const files = unique.map((fileId, index) => {
    const record = records.get(fileId);
    if (!record || record.uploaderId !== caller.staffId || record.attachedTo) {
      throw new UnprocessableError('There is no upload of yours with this id waiting to be attached.', `${field}.${index}`);
    }
    if (record.scan !== 'pending' && record.scan !== 'clean') throw new UnprocessableError('This file did not pass its malware check; it cannot be attached.', `${field}.${index}`);
    return record;
  });
  const kept = await Promise.all(files.map((record) => deps.files.markKept(record.key)));
  kept.forEach((isThere, index) => {
    if (!isThere) throw new UnprocessableError('This file has not finished uploading; send it again.', `${field}.${index}`);
  });
  return files;
}
