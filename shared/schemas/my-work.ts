import * as z from 'zod/mini';
import { incidentStatuses, PupilRef } from './incidents';

/** The dashboard's "my recent incidents" and "my reminders": the caller's own, by a key made for each. */
export const MyIncidentsQuery = z.object({ limit: z._default(z.coerce.number().check(z.int(), z.gte(1, 'must be at least 1'), z.lte(50, 'must be 50 at most')), 10) }).check(z.meta({ id: 'MyIncidentsQuery' }));

export const MyIncidentList = z.object({
    incidents: z.array(
      z.object({
        id: z.string(),
        student: PupilRef,
        occurredAt: z.string(),
        recordedAt: z.string(),
        categoryNames: z.array(z.string()),
        status: z.enum(incidentStatuses),
      }),
    ),
  }).check(z.meta({ id: 'MyIncidentList' }));

export const MyRemindersQuery = z.object({ limit: z._default(z.coerce.number().check(z.int(), z.gte(1, 'must be at least 1'), z.lte(50, 'must be 50 at most')), 20) }).check(z.meta({ id: 'MyRemindersQuery' }));

export const MyReminderList = z.object({
    reminders: z.array(z.object({ incidentId: z.string(), at: z.string(), note: z.string(), student: PupilRef })),
  }).check(z.meta({ id: 'MyReminderList', description: 'Planner reminders due from a day ago onwards, soonest first' }));
