import { triageListRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listTriage } from '../../../shared/domain/casework/list-incidents';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { triageListContract } from '../../../shared/api/contracts/casework';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, categoryStore, incidentCasework } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(triageListRoute, { contract: triageListContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, categories: categoryStore, casework: incidentCasework }), cognito: identityPorts } }).handle(async ({ query, caller, deps, origin }) =>
  ok(await listTriage(deps, requireStaff(caller), { limit: query.limit, cursor: query.cursor }, origin)),
);
