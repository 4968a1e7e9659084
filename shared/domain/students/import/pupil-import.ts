import type { AuditEvent } from '../../audit/audit-event';
import type { DomainEvent } from '../../ports';
import type { Student } from '../student';
import type { ImportField } from './mis-columns';
import type { ImportCounts, PupilWrite } from './plan-import';
import type { RowProblem } from './read-roll-file';

/**
 * A pupil import, from upload to report. `awaiting_upload`: the presigned PUT is out;
 * `queued`: the file is there and the job has been asked for; `writing`: every row passed
 * and the counts are known, batches are being written (never shown as done: a crash here
 * resumes); `done`: every write is in; `rejected`: a bad row or column, nothing was
 * written; `failed`: the job could not finish (the file vanished, another import held the
 * roll); run the file again, which writes only what is still to write.
 */
export type ImportStatus = 'awaiting_upload' | 'queued' | 'writing' | 'done' | 'rejected' | 'failed';

export const FINISHED_STATUSES: readonly ImportStatus[] = ['done', 'rejected', 'failed'];

export interface PupilImport {
  readonly id: string;
  readonly status: ImportStatus;
  /** Where the file is in the files bucket (the school's imports prefix). */
  readonly objectKey: string;
  readonly size: number;
  readonly archiveMissing: boolean;
  readonly createdBy: string;
  readonly createdByGroups: readonly string[];
  readonly sourceIp: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly finishedAt?: string;
  readonly counts: ImportCounts;
  /** Rejected rows (at most MAX_STORED_PROBLEMS; `counts.rejected` has them all). */
  readonly problems: readonly RowProblem[];
  readonly progress: { readonly total: number; readonly written: number };
  readonly mapping?: readonly { readonly header: string; readonly field: ImportField }[];
  readonly failure?: string;
}

export const MAX_STORED_PROBLEMS = 500;

/**
 * Pupils written this many to a transaction: each is at most 6 items (profile, roll entry,
 * two search tokens put and two stale ones deleted), so 16 stay under DynamoDB's 100.
 */
export const PUPILS_PER_TRANSACTION = 16;

/** The roll changed under a batch (a DSL archived a pupil, another writer): plan again from the roll as it is. */
export class RollChangedError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The roll changed while the import was writing', options);
    this.name = 'RollChangedError';
  }
}

/** Imports, and the roll they upsert: the pupils by UPN. */
export interface PupilImportStore {
  get(importId: string): Promise<PupilImport | undefined>;
  /** Writes a new import and its audit event together. */
  create(record: PupilImport, audit: AuditEvent): Promise<void>;
  /** Moves an import from awaiting_upload to queued, with the job's event and the audit event, in one transaction; ConflictError if it was not awaiting upload. */
  queue(record: PupilImport, event: DomainEvent, audit: AuditEvent): Promise<void>;
  /** Saves the job's progress, only while the import is still in `expected` status (ConflictError otherwise). */
  update(record: PupilImport, expected: ImportStatus): Promise<void>;
  /** Saves the finished import with its audit event, if it is not finished yet (false when it was). */
  finish(record: PupilImport, audit: AuditEvent): Promise<boolean>;
  /** Takes the roll for this import: true when free, stale (taken before `staleBefore`) or already this import's. */
  claimRoll(importId: string, at: string, staleBefore: string): Promise<boolean>;
  /** The import holding the roll, and since when. */
  rollHolder(): Promise<{ readonly importId: string; readonly at: string } | undefined>;
  releaseRoll(importId: string): Promise<void>;
  /** Every pupil Lantern holds, on roll or not (one paged Query, strongly consistent). */
  roll(): Promise<Student[]>;
  /** Writes one batch (at most PUPILS_PER_TRANSACTION) in one transaction; RollChangedError when a pupil is no longer as planned. */
  apply(writes: readonly PupilWrite[]): Promise<void>;
}
