import { z } from 'zod';

export const AuditQuery = z
  .object({
    recordId: z.string().min(1).max(100).optional(),
    staffId: z.string().min(1).max(100).optional(),
    studentId: z.string().min(1).max(100).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: z.string().max(2000).optional(),
  })
  .strict()
  .refine((query) => [query.recordId, query.staffId, query.studentId].filter(Boolean).length === 1, {
    message: 'give exactly one of recordId, staffId or studentId',
    path: ['recordId'],
  })
  .meta({ id: 'AuditQuery' });
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEventView = z
  .object({
    id: z.string(),
    at: z.string(),
    action: z.string(),
    outcome: z.enum(['allowed', 'refused']),
    reason: z.string().optional(),
    staffId: z.string().optional(),
    groups: z.array(z.string()),
    elevated: z.boolean(),
    recordType: z.string(),
    recordId: z.string(),
    studentId: z.string().optional(),
    requestId: z.string(),
    sourceIp: z.string(),
    detail: z.record(z.string(), z.string()).optional().meta({ description: 'Specifics of what happened, e.g. a search\'s query and the pupils it returned.' }),
  })
  .meta({ id: 'AuditEvent' });

export const AuditPage = z.object({ events: z.array(AuditEventView), nextCursor: z.string().optional() }).meta({ id: 'AuditPage' });
