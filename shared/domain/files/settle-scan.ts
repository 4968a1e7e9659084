import type { Deps } from '../deps';
import { fileTypeOf, SIGNATURE_SAMPLE_BYTES } from './file-types';
import { fileIdFromObjectKey, quarantineObjectKey, type ScanState } from './stored-file';
import { incidentLink } from '../notifications/alert-email';

/** What the malware scanner said of one object (GuardDuty Malware Protection for S3's result statuses). */
export type ScanVerdict = 'NO_THREATS_FOUND' | 'THREATS_FOUND' | 'UNSUPPORTED' | 'ACCESS_DENIED' | 'FAILED';

export type ScanOutcome = Exclude<ScanState, 'pending'> | 'not-a-file' | 'already-settled';

type ScanDeps = Pick<Deps, 'fileRecords' | 'files' | 'quarantine' | 'staff' | 'notifications' | 'mailer' | 'school' | 'clock' | 'logger'>;

/**
 * Settles a file from its scan result: clean only when no threat was found AND its first
 * bytes are what its declared type says (a renamed program is not a PDF). Malware, or a
 * mismatch, moves it to the quarantine prefix; malware also emails every DSL (ids and a
 * link only), and a bad verdict after a clean one still hides the file. Idempotent: a
 * redelivered result changes nothing and sends nothing twice.
 */
export async function settleScan(deps: ScanDeps, result: { readonly objectKey: string; readonly verdict: ScanVerdict }): Promise<ScanOutcome> {
  const fileId = fileIdFromObjectKey(deps.school.id, result.objectKey);
  const record = fileId ? await deps.fileRecords.get(fileId) : undefined;
  if (!fileId || !record) return 'not-a-file';
  const now = deps.clock.now().toISOString();

  let scan: Exclude<ScanState, 'pending'>;
  if (result.verdict === 'THREATS_FOUND') scan = 'infected';
  else if (result.verdict !== 'NO_THREATS_FOUND') scan = 'unscanned';
  else {
    const start = await deps.files.readStart(record.key, SIGNATURE_SAMPLE_BYTES);
    scan = start && fileTypeOf(record.contentType)?.matches(start) ? 'clean' : 'mismatched';
  }
  const bad = scan === 'infected' || scan === 'mismatched';
  // A bad verdict wins over an earlier clean one (a later version of the object, say): it is hidden at once.
  if (record.scan === 'pending' || (bad && record.scan === 'clean')) {
    if (bad) await deps.quarantine.quarantine(record.key, quarantineObjectKey(deps.school.id, fileId));
    const settled = await deps.fileRecords.settle(fileId, scan, now, record.scan);
    if (!settled) return 'already-settled';
  } else if (record.scan !== scan) {
    return 'already-settled';
  }
  // GuardDuty writes its verdict tag by replacing the object's tags: an attach that marked
  // the object kept meanwhile could lose its tag, and the lifecycle rule would delete an
  // attached file. Marking it kept again after the verdict closes that window.
  if (scan === 'clean' && record.attachedTo) await deps.files.markKept(record.key);
  deps.logger.info('file scanned', { fileId, scan });
  if (scan === 'infected') await alertDesignatedLeads(deps, fileId, record.attachedTo?.incidentId);
  return scan;
}

/** One email per DSL per file; a redelivery finds each sent already. */
async function alertDesignatedLeads(deps: ScanDeps, fileId: string, incidentId: string | undefined): Promise<void> {
  const leads = (await deps.staff.list()).filter((member) => member.status === 'active' && member.groups.includes('dsl'));
  for (const lead of leads) {
    const notificationId = `quarantine#${fileId}#${lead.id}`;
    if ((await deps.notifications.claim(notificationId, deps.clock.now().toISOString())) !== 'claimed') continue;
    try {
      await deps.mailer.send({
        to: [lead.email],
        subject: `${deps.school.name}: a file uploaded to Lantern held malware and was quarantined`,
        text: [
          'The malware scan found a threat in a file a member of staff uploaded to Lantern.',
          'It has been moved to quarantine and nobody can download it.',
          incidentId ? `The incident it was attached to: ${incidentLink(deps.school.appBaseUrl, incidentId)}` : 'It was not attached to an incident yet.',
          `File id: ${fileId}`,
          'The device it came from may be infected: consider telling your IT support.',
        ].join('\n\n'),
      });
    } catch (error) {
      await deps.notifications.release(notificationId);
      throw error;
    }
    await deps.notifications.markSent(notificationId, deps.clock.now().toISOString());
  }
}
