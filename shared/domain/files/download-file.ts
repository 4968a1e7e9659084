import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { ConflictError, NotFoundError } from '../../errors/lantern-error';
import { auditEvent, refusingAbout, type RequestOrigin } from '../audit/audit-context';
import { loadReadableIncident } from '../incidents/read-incident';
import { visibleActions } from '../incidents/relationships';
import { studentsOf } from '../incidents/incident';

/** The download link works for a minute: long enough to start, too short to pass around. */
export const DOWNLOAD_URL_SECONDS = 60;

/**
 * A short-lived link to a file, for anyone who may read the incident (and, for a file on an
 * action, that action) it is attached to; everyone else is told it is not there. Only a
 * clean file is downloadable: one still being checked, or found bad, never.
 */
export async function downloadFile(deps: Pick<Deps, 'fileRecords' | 'files' | 'incidents' | 'categories' | 'audit' | 'clock' | 'ids'>, caller: StaffCaller, fileId: string, origin: RequestOrigin) {
  const record = await deps.fileRecords.get(fileId);
  const attachment = record?.attachedTo;
  if (!record || !attachment) {
    throw refusingAbout({ action: 'file.read', recordType: 'file', recordId: fileId }, () => {
      throw new NotFoundError('No such file.');
    });
  }
  const { stored, asElevatedViewer } = await loadReadableIncident(deps, caller, attachment.incidentId, 'file.read', 'files.read');
  const studentIds = studentsOf(stored.incident);
  if (attachment.actionId) {
    const mayReadAction = visibleActions(caller, stored.actions, asElevatedViewer).some((action) => action.id === attachment.actionId);
    refusingAbout({ action: 'file.read', recordType: 'file', recordId: fileId, studentIds }, () => {
      if (!mayReadAction) throw new NotFoundError('No such file.');
    });
  }
  if (record.scan === 'pending') throw new ConflictError('This file is still being checked for malware; try again in a minute.');
  if (record.scan === 'infected') throw new ConflictError('This file held malware and cannot be downloaded; the DSLs have been told.');
  if (record.scan !== 'clean') throw new ConflictError('This file did not pass its check (its contents are not what its type says, or it could not be scanned) and cannot be downloaded.');

  const url = await deps.files.presignDownload({ key: record.key, contentType: record.contentType, fileName: record.name, expiresInSeconds: DOWNLOAD_URL_SECONDS });
  await deps.audit.record(
    auditEvent(deps, caller, origin, { action: 'file.read', recordType: 'file', recordId: fileId, studentIds, detail: { incidentId: attachment.incidentId } }),
  );
  return { url, expiresInSeconds: DOWNLOAD_URL_SECONDS, name: record.name, contentType: record.contentType };
}
