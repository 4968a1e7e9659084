import * as z from 'zod/mini';
import { pageCursor } from './page';

/**
 * Audit times are stored as UTC ISO strings and compared as text, so a bound must be a
 * four-digit UTC year once normalised: `9999-12-31T23:59:59-14:00` is year 10000 in UTC.
 */
export const EARLIEST_AUDIT_TIME = '2000-01-01T00:00:00.000Z';
export const LATEST_AUDIT_TIME = '9999-12-31T23:59:59.999Z';

const auditBound = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-11-23T09:30:00Z' }).check(z.refine((value) => {
    const time = Date.parse(value);
    return time >= Date.parse(EARLIEST_AUDIT_TIME) && time <= Date.parse(LATEST_AUDIT_TIME);
  }, `must be between ${EARLIEST_AUDIT_TIME.slice(0, 10)} and ${LATEST_AUDIT_TIME.slice(0, 10)} (UTC)`));

export const AuditQuery = z.strictObject({
    recordId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
    staffId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
    studentId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
    from: z.optional(auditBound),
    to: z.optional(auditBound),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 100),
    cursor: pageCursor,
  }).check(z.refine((query) => [query.recordId, query.staffId, query.studentId].filter(Boolean).length === 1, {
    message: 'give exactly one of recordId, staffId or studentId',
    path: ['recordId'],
  }), z.refine((query) => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), {
    message: 'must not be after to',
    path: ['from'],
  }), z.meta({ id: 'AuditQuery' }));
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEventView = z.object({
    id: z.string(),
    at: z.string(),
    action: z.string(),
    outcome: z.enum(['allowed', 'refused']),
    reason: z.optional(z.string()),
    staffId: z.optional(z.string()),
    groups: z.array(z.string()),
    elevated: z.boolean(),
    recordType: z.string(),
    recordId: z.string(),
    studentIds: z.optional(z.array(z.string())).check(z.meta({ description: 'Every pupil the event concerns: the record\'s pupil first, then any other pupil the response showed. Found by each with ?studentId=.' })),
    requestId: z.string(),
    sourceIp: z.string(),
    detail: z.optional(z.record(z.string(), z.string())).check(z.meta({ description: 'Specifics of what happened, e.g. a search\'s query and the pupils it returned.' })),
  }).check(z.meta({ id: 'AuditEvent' }));

export const AuditPage = z.object({ events: z.array(AuditEventView), nextCursor: z.optional(z.string()) }).check(z.meta({ id: 'AuditPage' }));
