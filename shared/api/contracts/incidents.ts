import type { RouteContract } from '../route-contract';
import { RecordedIncident } from '../../schemas/quality';
import { ActionView, IncidentPath, IncidentView, NewAction, NewIncident } from '../../schemas/incidents';

/** incidents.create */
export const incidentsCreateContract = {
  body: NewIncident,
  success: { status: 201, description: 'Recorded; with the same Idempotency-Key, the incident recorded before (200)', schema: RecordedIncident },
  failures: [403, 409, 422],
} as const satisfies RouteContract;

/** incidents.read */
export const incidentsReadContract = { params: IncidentPath, success: { status: 200, description: 'The incident as the caller may see it', schema: IncidentView }, failures: [404] } as const satisfies RouteContract;

/** actions.create */
export const actionsCreateContract = { params: IncidentPath, body: NewAction, success: { status: 201, description: 'The action as appended', schema: ActionView }, failures: [404, 422] } as const satisfies RouteContract;
