import * as z from 'zod/mini';
import { pageFields } from './page';

export const AlertListQuery = z.object({
    unread: z._default(z.enum(['true', 'false']), 'false').check(z.meta({ description: 'true: only alerts not yet read' })),
    ...pageFields,
  }).check(z.meta({ id: 'AlertListQuery' }));

export const AlertPath = z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) }).check(z.meta({ id: 'AlertPath' }));

export const AlertView = z.object({
    id: z.string(),
    kind: z.enum(['incident', 'action', 'referral_overdue']),
    incidentId: z.string(),
    actionId: z.optional(z.string()),
    author: z.object({ id: z.string(), name: z.string() }),
    categoryNames: z.array(z.string()),
    student: z.object({ id: z.string(), name: z.string() }),
    createdAt: z.string(),
    readAt: z.optional(z.string()),
    acknowledgedAt: z.optional(z.string()),
  }).check(z.meta({ id: 'Alert' }));

export const AlertList = z.object({ alerts: z.array(AlertView), nextCursor: z.optional(z.string()) }).check(z.meta({ id: 'AlertList' }));
