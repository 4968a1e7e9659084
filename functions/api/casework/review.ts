import { incidentsReviewRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { reviewIncident } from '../../../shared/domain/casework/review-incident';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { incidentsReviewContract } from '../../../shared/api/contracts/casework';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, categoryStore, alertGroupDirectory, incidentStore, fileRecordStore, incidentCasework } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(incidentsReviewRoute, { contract: incidentsReviewContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, categories: categoryStore, alertGroups: alertGroupDirectory, incidents: incidentStore, fileRecords: fileRecordStore, casework: incidentCasework }), cognito: identityPorts } }).handle(
  async ({ params, body, caller, deps, origin }) => ok(await reviewIncident(deps, requireStaff(caller), params.id, body, origin)),
);
