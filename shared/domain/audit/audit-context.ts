import type { Caller } from '../identity/caller';
import type { Deps } from '../deps';
import type { AuditEvent, AuditOutcome } from './audit-event';
import { isAccessRefusal } from '../../errors/lantern-error';

/** Where a request came from, for the audit trail. */
export interface RequestOrigin {
  readonly requestId: string;
  readonly sourceIp: string;
}

export interface AuditSubject {
  readonly action: string;
  readonly recordType: AuditEvent['recordType'];
  readonly recordId: string;
  readonly studentId?: string;
  readonly detail?: Readonly<Record<string, string>>;
}

export function auditEvent(
  deps: Pick<Deps, 'clock' | 'ids'>,
  caller: Caller,
  origin: RequestOrigin,
  subject: AuditSubject,
  outcome: AuditOutcome = 'allowed',
  reason?: string,
): AuditEvent {
  return {
    id: deps.ids.next(),
    at: deps.clock.now().toISOString(),
    ...subject,
    outcome,
    ...(reason ? { reason } : {}),
    ...(caller.kind === 'staff' ? { staffId: caller.staffId } : {}),
    groups: caller.kind === 'staff' ? [...caller.groups] : [],
    elevated: caller.kind === 'staff' && caller.elevation.elevated,
    requestId: origin.requestId,
    sourceIp: origin.sourceIp,
  };
}

/**
 * Runs a check; if it refuses, the refusal is written to the audit trail before the
 * error goes back to the caller.
 */
export async function auditRefusal<T>(
  deps: Pick<Deps, 'clock' | 'ids' | 'audit'>,
  caller: Caller,
  origin: RequestOrigin,
  subject: AuditSubject,
  check: () => T,
): Promise<T> {
  try {
    return check();
  } catch (error) {
    // Anonymous callers never reach a handler in AWS (the authorizer answers 401 first).
    // Only refusals of access are audited; a mistyped field is not an attempt on a record.
    if (isAccessRefusal(error) && caller.kind === 'staff') {
      await deps.audit.record(auditEvent(deps, caller, origin, subject, 'refused', error.code));
    }
    throw error;
  }
}

/**
 * A refusal before the caller could be resolved (a disabled account, or a token with no
 * staff profile): audited against the token's subject, with no groups and not elevated.
 */
export function refusedAccountEvent(deps: Pick<Deps, 'clock' | 'ids'>, staffId: string, origin: RequestOrigin, subject: AuditSubject, reason: string): AuditEvent {
  return {
    id: deps.ids.next(),
    at: deps.clock.now().toISOString(),
    ...subject,
    outcome: 'refused',
    reason,
    staffId,
    groups: [],
    elevated: false,
    requestId: origin.requestId,
    sourceIp: origin.sourceIp,
  };
}
