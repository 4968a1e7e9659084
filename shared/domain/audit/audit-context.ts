import type { Caller } from '../identity/caller';
import type { Deps } from '../deps';
import type { AuditEvent, AuditOutcome } from './audit-event';
import { isAccessRefusal, NotFoundError } from '../../errors/lantern-error';

/** Where a request came from, for the audit trail. */
export interface RequestOrigin {
  readonly requestId: string;
  readonly sourceIp: string;
}

export interface AuditSubject {
  readonly action: string;
  readonly recordType: AuditEvent['recordType'];
  readonly recordId: string;
  /** Every pupil whose name or record the request showed or concerned: the audit is found by each. */
  readonly studentIds?: readonly string[];
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
  const { studentIds, ...about } = subject;
  const pupils = [...new Set(studentIds ?? [])];
  return {
    id: deps.ids.next(),
    at: deps.clock.now().toISOString(),
    ...about,
    ...(pupils.length > 0 ? { studentIds: pupils } : {}),
    outcome,
    ...(reason ? { reason } : {}),
    ...(caller.kind === 'staff' ? { staffId: caller.staffId } : {}),
    ...(caller.kind === 'partner' ? { clientId: caller.clientId } : {}),
    groups: caller.kind === 'staff' ? [...caller.groups] : [],
    elevated: caller.kind === 'staff' && caller.elevation.elevated,
    requestId: origin.requestId,
    sourceIp: origin.sourceIp,
  };
}

/** What the domain knew of a refused attempt when it refused it, kept with the error it threw. */
const refusedSubjects = new WeakMap<object, AuditSubject>();

/**
 * Runs a check; a refusal it throws goes on carrying `subject` (the record and pupils the
 * attempt was about), so that the route's one refusal seam audits it against them.
 * Refusals are written in one place (`recordRefusal`), never here.
 */
export function refusingAbout<T>(subject: AuditSubject, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (isAccessRefusal(error) && !refusedSubjects.has(error)) refusedSubjects.set(error, subject);
    throw error;
  }
}

/** The record looked up, or a 404 (`notFoundMessage`) audited against `subject` by the refusal seam. */
export function foundAbout<T>(subject: AuditSubject, value: T | undefined, notFoundMessage: string): T {
  return refusingAbout(subject, () => {
    if (value === undefined) throw new NotFoundError(notFoundMessage);
    return value;
  });
}

/** The subject the domain attached to a refusal, if it attached one. */
function refusedSubjectOf(error: unknown): AuditSubject | undefined {
  return typeof error === 'object' && error !== null ? refusedSubjects.get(error) : undefined;
}

/**
 * The one place a refused attempt is written to the audit trail, before the error goes
 * back: against what the domain said it was about, or else `fallback` (the route and
 * the record in its path). Anonymous callers never reach a handler in AWS (the
 * authorizer answers 401 first); a mistyped field is not an attempt on a record.
 */
export async function recordRefusal(deps: Pick<Deps, 'clock' | 'ids' | 'audit'>, caller: Caller, origin: RequestOrigin, error: unknown, fallback: AuditSubject): Promise<void> {
  if (!isAccessRefusal(error) || caller.kind === 'anonymous') return;
  await deps.audit.record(auditEvent(deps, caller, origin, refusedSubjectOf(error) ?? fallback, 'refused', error.code));
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
