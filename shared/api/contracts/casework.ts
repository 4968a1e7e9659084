import type { RouteContract } from '../route-contract';
import { IncidentPath, IncidentView } from '../../schemas/incidents';
import { IncidentChange, IncidentHistory, IncidentListQuery, IncidentReviewInput, IncidentSummaryPage, ManagedIncident, PageQuery } from '../../schemas/casework';

/** triage.list */
export const triageListContract = { query: PageQuery, success: { status: 200, description: 'Unreviewed incidents, oldest first', schema: IncidentSummaryPage }, failures: [403] } as const satisfies RouteContract;

/** incidents.review */
export const incidentsReviewContract = {
  params: IncidentPath,
  body: IncidentReviewInput,
  success: { status: 200, description: 'The incident, reviewed', schema: IncidentView },
  failures: [403, 404, 409],
} as const satisfies RouteContract;

/** incidents.list */
export const incidentsListContract = { query: IncidentListQuery, success: { status: 200, description: 'A page of incidents, newest first', schema: IncidentSummaryPage }, failures: [403] } as const satisfies RouteContract;

/** incidents.update */
export const incidentsUpdateContract = {
  params: IncidentPath,
  body: IncidentChange,
  success: { status: 200, description: 'The incident after the change, and the version it made', schema: ManagedIncident },
  failures: [403, 404, 409, 422],
} as const satisfies RouteContract;

/** incidents.history */
export const incidentsHistoryContract = { params: IncidentPath, success: { status: 200, description: "The incident's versions, oldest first", schema: IncidentHistory }, failures: [403, 404] } as const satisfies RouteContract;
