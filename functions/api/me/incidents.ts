import { meIncidentsListRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listMyIncidents } from '../../../shared/domain/incidents/my-work';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { meIncidentsListContract } from '../../../shared/api/contracts/my-work';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, categoryStore, incidentStore } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute(meIncidentsListRoute, { contract: meIncidentsListContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, categories: categoryStore, incidents: incidentStore }) } }).handle(async ({ query, caller, deps, origin }) =>
  ok(await listMyIncidents(deps, requireStaff(caller), query.limit, origin)),
);
