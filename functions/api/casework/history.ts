import { incidentsHistoryRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { incidentHistory } from '../../../shared/domain/casework/incident-history';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { incidentsHistoryContract } from '../../../shared/api/contracts/casework';
import { dynamoPorts, auditTrail, staffDirectory, categoryStore, incidentStore, incidentCasework } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(incidentsHistoryRoute, { contract: incidentsHistoryContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, categories: categoryStore, incidents: incidentStore, casework: incidentCasework }), cognito: identityPorts } }).handle(async ({ params, caller, deps, origin }) =>
  ok(await incidentHistory(deps, requireStaff(caller), params.id, origin)),
);
