import type { Deps } from '../../deps';
import type { AuditEvent } from '../../audit/audit-event';
import { FINISHED_STATUSES, MAX_STORED_PROBLEMS, PUPILS_PER_TRANSACTION, RollChangedError, type PupilImport } from './pupil-import';
import { planImport, type PupilWrite } from './plan-import';
import { readRollFile } from './read-roll-file';
import { ROLL_CLAIM_STALE_MS } from './manage-imports';

type JobDeps = Pick<Deps, 'pupilImports' | 'files' | 'school' | 'audit' | 'clock' | 'ids' | 'logger'>;

export type JobOutcome = 'no-such-import' | 'not-started' | 'already-finished' | 'done' | 'rejected' | 'failed';

/** Passes over the roll when a batch finds it changed under it (a DSL archiving a pupil meanwhile). */
const MAX_PASSES = 3;

/**
 * The import job, all-or-nothing across more pupils than one DynamoDB transaction holds
 * (100 items; a 2,000-pupil school is ~12,000): every row is checked before anything is
 * written, and a file with any bad row is rejected whole. Then the counts are fixed on the
 * import (status `writing`) and the writes go in batches of PUPILS_PER_TRANSACTION, each
 * its own transaction, each pupil's profile, roll entry and search tokens together and
 * conditional on the roll entry being as planned. Every write is the pupil's whole new
 * state, planned from the roll as it is, so a crashed job run again (the bus retries it)
 * plans only what is still to write, and a file already applied plans nothing: the import
 * says `done` only once every batch is in, and a half-written import is seen as `writing`.
 * One import holds the roll at a time.
 */
export async function runImport(deps: JobDeps, importId: string): Promise<JobOutcome> {
  const imports = deps.pupilImports;
  let record = await imports.get(importId);
  if (!record) return 'no-such-import';
  if (FINISHED_STATUSES.includes(record.status)) return 'already-finished';
  if (record.status === 'awaiting_upload') return 'not-started';

  const now = () => deps.clock.now();
  const claimed = await imports.claimRoll(importId, now().toISOString(), new Date(now().getTime() - ROLL_CLAIM_STALE_MS).toISOString());
  if (!claimed) return finish(deps, record, { status: 'failed', failure: 'Another import held the roll: run this file again once it has finished.' });

  const file = await deps.files.get(record.objectKey);
  if (!file) return finish(deps, record, { status: 'failed', failure: 'The uploaded file is not there any more: upload it again.' });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.body);
  } catch {
    return finish(deps, record, { status: 'rejected', counts: { ...record.counts, rejected: 1 }, problems: [{ row: 1, reason: 'The file is not UTF-8 text: export it as CSV (UTF-8).' }] });
  }

  const parsed = readRollFile(text, schoolDate(now(), deps.school.timezone));
  if (!parsed.ok) {
    const rejectedRows = new Set(parsed.problems.map((problem) => problem.row)).size;
    return finish(deps, record, {
      status: 'rejected',
      counts: { ...record.counts, rows: parsed.rows, accepted: 0, rejected: rejectedRows },
      problems: parsed.problems.slice(0, MAX_STORED_PROBLEMS),
    });
  }

  let plan = planImport(parsed.pupils, await imports.roll(), { archiveMissing: record.archiveMissing, ids: deps.ids });
  if (record.status === 'queued') {
    const writing: PupilImport = { ...record, status: 'writing', counts: plan.counts, mapping: parsed.mapping, progress: { total: plan.writes.length, written: 0 }, updatedAt: now().toISOString() };
    await imports.update(writing, 'queued');
    record = writing;
  }
  deps.logger.info('pupil import writing', { importId, writes: plan.writes.length, resumedAt: record.progress.written });

  for (let pass = 1; ; pass += 1) {
    const pending = await applyAll(deps, record, plan.writes, (written) => {
      record = { ...record!, progress: { total: record!.progress.total, written: Math.min(record!.progress.total, record!.progress.written + written) }, updatedAt: now().toISOString() };
      return imports.update(record, 'writing');
    });
    if (!pending) break;
    if (pass === MAX_PASSES) return finish(deps, record, { status: 'failed', failure: 'Pupils kept changing while the import wrote: run the file again.' });
    plan = planImport(parsed.pupils, await imports.roll(), { archiveMissing: record.archiveMissing, ids: deps.ids });
  }
  return finish(deps, record, { status: 'done', progress: { total: record.progress.total, written: record.progress.total } });
}

/** Writes the batches in turn; true when one found the roll changed (so the rest must be planned again). */
async function applyAll(deps: JobDeps, record: PupilImport, writes: readonly PupilWrite[], onBatch: (written: number) => Promise<void>): Promise<boolean> {
  for (let start = 0; start < writes.length; start += PUPILS_PER_TRANSACTION) {
    const batch = writes.slice(start, start + PUPILS_PER_TRANSACTION);
    try {
      await deps.pupilImports.apply(batch);
    } catch (error) {
      if (error instanceof RollChangedError) {
        deps.logger.warn('pupil import found the roll changed; planning again', { importId: record.id });
        return true;
      }
      throw error;
    }
    await onBatch(batch.length);
  }
  return false;
}

async function finish(deps: JobDeps, record: PupilImport, outcome: Partial<PupilImport> & { status: 'done' | 'rejected' | 'failed' }): Promise<JobOutcome> {
  const at = deps.clock.now().toISOString();
  const finished: PupilImport = { ...record, ...outcome, updatedAt: at, finishedAt: at };
  const saved = await deps.pupilImports.finish(finished, importAudit(deps, finished, at));
  await deps.pupilImports.releaseRoll(record.id);
  const { counts } = finished;
  // Counts only: no row of the file (a pupil's details) ever reaches a log line.
  deps.logger.info('pupil import finished', { importId: record.id, status: finished.status, ...counts });
  return saved ? outcome.status : 'already-finished';
}

/** The import's audit entry: who started it and what it did, in counts. */
function importAudit(deps: Pick<Deps, 'ids'>, record: PupilImport, at: string): AuditEvent {
  const detail: Record<string, string> = { status: record.status };
  for (const [name, value] of Object.entries(record.counts)) detail[name] = String(value);
  return {
    id: deps.ids.next(),
    at,
    action: 'students.import.finish',
    outcome: 'allowed',
    staffId: record.createdBy,
    groups: [...record.createdByGroups],
    elevated: false,
    recordType: 'import',
    recordId: record.id,
    requestId: `import-job:${record.id}`,
    sourceIp: record.sourceIp,
    detail,
  };
}

/** Today's date in the school's time zone, YYYY-MM-DD. */
export function schoolDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
