import * as z from 'zod';
import { pageFields } from './page';

export const AlertListQuery = z
  .object({
    unread: z.enum(['true', 'false']).default('false').meta({ description: 'true: only alerts not yet read' }),
    ...pageFields,
  })
  .meta({ id: 'AlertListQuery' });

export const AlertPath = z.object({ id: z.string().min(1).max(100) }).meta({ id: 'AlertPath' });

export const AlertView = z
  .object({
    id: z.string(),
    kind: z.enum(['incident', 'action', 'referral_overdue']),
    incidentId: z.string(),
    actionId: z.string().optional(),
    author: z.object({ id: z.string(), name: z.string() }),
    categoryNames: z.array(z.string()),
    student: z.object({ id: z.string(), name: z.string() }),
    createdAt: z.string(),
    readAt: z.string().optional(),
    acknowledgedAt: z.string().optional(),
  })
  .meta({ id: 'Alert' });

export const AlertList = z.object({ alerts: z.array(AlertView), nextCursor: z.string().optional() }).meta({ id: 'AlertList' });
