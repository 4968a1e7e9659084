import { incidentsListRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listIncidents } from '../../../shared/domain/casework/list-incidents';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { incidentsListContract } from '../../../shared/api/contracts/casework';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, categoryStore, incidentCasework } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(incidentsListRoute, { contract: incidentsListContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, categories: categoryStore, casework: incidentCasework }), cognito: identityPorts } }).handle(async ({ query, caller, deps, origin }) => {
  const { limit, cursor, reviewed, ...filter } = query;
  return ok(await listIncidents(deps, requireStaff(caller), { ...filter, ...(reviewed ? { reviewed: reviewed === 'true' } : {}) }, { limit, cursor }, origin));
});
