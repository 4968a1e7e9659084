import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listIncidents } from '../../../shared/domain/casework/list-incidents';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { incidentsListContract } from '../../../shared/api/contracts/casework';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute('incidents.list', { contract: incidentsListContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts } }).handle(async ({ query, caller, deps, origin }) => {
  const { limit, cursor, reviewed, ...filter } = query;
  return ok(await listIncidents(deps, requireStaff(caller), { ...filter, ...(reviewed ? { reviewed: reviewed === 'true' } : {}) }, { limit, cursor }, origin));
});
