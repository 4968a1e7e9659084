/**
 * A file staff uploaded. Its bytes are in the bucket under `key`; this record says who
 * uploaded it, what it says it is, where it is attached and what the scan found.
 *
 * `pending`: not scanned yet ("being checked"); `clean`: no malware and its bytes are what
 * its type says; `infected`: malware found, moved to quarantine; `mismatched`: its bytes
 * are not its declared type, moved to quarantine; `unscanned`: the scanner could not scan
 * it (unsupported, access denied, failed). Only `clean` files are downloadable.
 */
export type ScanState = 'pending' | 'clean' | 'infected' | 'mismatched' | 'unscanned';

export interface FileAttachment {
  readonly incidentId: string;
  readonly actionId?: string;
}

export interface StoredFileRecord {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  readonly uploaderId: string;
  readonly uploadedAt: string;
  readonly key: string;
  readonly scan: ScanState;
  readonly scannedAt?: string;
  readonly attachedTo?: FileAttachment;
}

/** What an incident or action keeps of each file attached to it. */
export interface AttachedFile {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
}

export const attachedFileOf = (record: StoredFileRecord): AttachedFile => ({ id: record.id, name: record.name, contentType: record.contentType, size: record.size });

/** Where the uploads of a school live, and where a file found bad is moved. */
export const fileObjectKey = (schoolId: string, fileId: string) => `schools/${schoolId}/files/${fileId}`;
export const quarantineObjectKey = (schoolId: string, fileId: string) => `schools/${schoolId}/quarantine/${fileId}`;
export const fileIdFromObjectKey = (schoolId: string, key: string): string | undefined => {
  const prefix = `schools/${schoolId}/files/`;
  const rest = key.startsWith(prefix) ? key.slice(prefix.length) : '';
  return /^[0-9A-Za-z]{10,40}$/.test(rest) ? rest : undefined;
};
