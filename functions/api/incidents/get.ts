import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { readIncident } from '../../../shared/domain/incidents/read-incident';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { incidentsReadContract } from '../../../shared/api/contracts/incidents';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute('incidents.read', { contract: incidentsReadContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts } }).handle(async ({ params, caller, deps, origin }) =>
  ok(await readIncident(deps, requireStaff(caller), params.id, origin)),
);
