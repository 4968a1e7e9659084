import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listTriage } from '../../../shared/domain/casework/list-incidents';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { triageListContract } from '../../../shared/api/contracts/casework';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute('triage.list', { contract: triageListContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts } }).handle(async ({ query, caller, deps, origin }) =>
  ok(await listTriage(deps, requireStaff(caller), { limit: query.limit, cursor: query.cursor }, origin)),
);
