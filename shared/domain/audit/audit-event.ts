/**
 * One entry of the append-only audit trail: who did what to which record, when, from
 * where, elevated or not, allowed or refused. Written in the same transaction as the
 * write it records, or before the response of a read.
 */
export type AuditOutcome = 'allowed' | 'refused';

export interface AuditEvent {
  readonly id: string;
  readonly at: string;
  readonly action: string;
  readonly outcome: AuditOutcome;
  /** The refusal's code (e.g. not_found, elevation_required) when refused. */
  readonly reason?: string;
  readonly staffId?: string;
  /** A partner's system (OAuth app client) that made the request, when it was not staff. */
  readonly clientId?: string;
  readonly groups: readonly string[];
  readonly elevated: boolean;
  readonly recordType: 'incident' | 'action' | 'student' | 'import' | 'file' | 'export' | 'audit' | 'staff' | 'alert' | 'sign-in' | 'category' | 'alert-group' | 'route' | 'report' | 'draft' | 'encompass';
  /** The record the action is about; audit is queried by it. */
  readonly recordId: string;
  /**
   * Every pupil the event concerns: the record's own pupil first, then any other pupil
   * whose name or record the response showed (linked pupils, search results, a dashboard's
   * alerts). The trail is found by each of them (`GET /v1/audit?studentId=`).
   */
  readonly studentIds?: readonly string[];
  readonly requestId: string;
  readonly sourceIp: string;
  /** Safe specifics of what happened: a search's prefix and results, groups before and after. */
  readonly detail?: Readonly<Record<string, string>>;
}
