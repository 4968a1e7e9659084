import { incidentsCreateRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { created, ok } from '../../../shared/http/responses';
import { recordIncident } from '../../../shared/domain/incidents/record-incident';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { incidentsCreateContract } from '../../../shared/api/contracts/incidents';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, categoryStore, alertGroupDirectory, schoolProfileSource, incidentStore, alertStore, fileRecordStore } from '../../../shared/deps/dynamo-ports';

import { filePorts } from '../../../shared/deps/files';
export const handler = apiRoute(incidentsCreateRoute, { contract: incidentsCreateContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, categories: categoryStore, alertGroups: alertGroupDirectory, schoolProfile: schoolProfileSource, incidents: incidentStore, alerts: alertStore, fileRecords: fileRecordStore }), s3: filePorts } }).handle(async ({ body, caller, deps, idempotencyKey, origin }) => {
  const result = await recordIncident(deps, requireStaff(caller), body, { ...origin, idempotencyKey });
  const location = { location: `/v1/incidents/${result.incident.id}` };
  const answer = { ...result.incident, qualityFindings: result.qualityFindings };
  return result.created ? created(answer, location) : ok(answer, location);
});
