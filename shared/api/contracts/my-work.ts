import type { RouteContract } from '../route-contract';
import { MyIncidentList, MyIncidentsQuery, MyReminderList, MyRemindersQuery } from '../../schemas/my-work';

/** me.incidents.list */
export const meIncidentsListContract = {
  query: MyIncidentsQuery,
  success: { status: 200, description: 'Incidents the caller recorded, newest first', schema: MyIncidentList },
} as const satisfies RouteContract;

/** me.reminders.list */
export const meRemindersListContract = {
  query: MyRemindersQuery,
  success: { status: 200, description: "The caller's reminders, soonest first", schema: MyReminderList },
} as const satisfies RouteContract;
