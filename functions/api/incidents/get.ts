import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { readIncident } from '../../../shared/domain/incidents/read-incident';
import { requireStaff } from '../../../shared/domain/identity/require-staff';

export const handler = apiRoute('incidents.read').handle(async ({ params, caller, deps, origin }) =>
  ok(await readIncident(deps, requireStaff(caller), params.id, origin)),
);
