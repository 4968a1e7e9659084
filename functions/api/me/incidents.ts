import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listMyIncidents } from '../../../shared/domain/incidents/my-work';
import { requireStaff } from '../../../shared/domain/identity/require-staff';

export const handler = apiRoute('me.incidents.list').handle(async ({ query, caller, deps, origin }) => ok(await listMyIncidents(deps, requireStaff(caller), query.limit, origin)));
