import type { StaffProfile } from './staff/staff-profile';

/**
 * The ports domain code depends on. Production builds them from AWS adapters once per
 * cold start; tests build them from in-memory fakes or the local stand-ins.
 */
export interface Clock {
  now(): Date;
}

export interface StaffDirectory {
  get(staffId: string): Promise<StaffProfile | undefined>;
  put(profile: StaffProfile): Promise<void>;
}

export interface OutgoingEmail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

export interface DomainEvent<TDetail = unknown> {
  readonly detailType: string;
  readonly detail: TDetail;
}

export interface EventPublisher {
  publish(events: readonly DomainEvent[]): Promise<void>;
}

export interface StoredFile {
  readonly key: string;
  readonly contentType: string;
  readonly body: Uint8Array;
}

export interface FileStore {
  put(file: StoredFile): Promise<void>;
  get(key: string): Promise<StoredFile | undefined>;
  /** A short-lived URL the browser can PUT the file to directly. */
  uploadUrl(key: string, contentType: string, expiresInSeconds: number): Promise<string>;
}

export interface NewStaffAccount {
  readonly email: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly groups: readonly string[];
}

export interface IdentityProvider {
  /** Creates the sign-in account and returns its immutable id (`sub`). */
  createAccount(account: NewStaffAccount): Promise<{ staffId: string }>;
  setGroups(username: string, groups: readonly string[]): Promise<void>;
  setEnabled(username: string, enabled: boolean): Promise<void>;
}
