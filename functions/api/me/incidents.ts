import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listMyIncidents } from '../../../shared/domain/incidents/my-work';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { meIncidentsListContract } from '../../../shared/api/contracts/my-work';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute('me.incidents.list', { contract: meIncidentsListContract, adapters: { dynamodb: dynamoPorts } }).handle(async ({ query, caller, deps, origin }) =>
  ok(await listMyIncidents(deps, requireStaff(caller), query.limit, origin)),
);
