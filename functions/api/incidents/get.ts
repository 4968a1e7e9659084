import { incidentsReadRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { readIncident } from '../../../shared/domain/incidents/read-incident';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { incidentsReadContract } from '../../../shared/api/contracts/incidents';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, categoryStore, alertGroupDirectory, incidentStore, fileRecordStore } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(incidentsReadRoute, { contract: incidentsReadContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, categories: categoryStore, alertGroups: alertGroupDirectory, incidents: incidentStore, fileRecords: fileRecordStore }), cognito: identityPorts } }).handle(async ({ params, caller, deps, origin }) =>
  ok(await readIncident(deps, requireStaff(caller), params.id, origin)),
);
