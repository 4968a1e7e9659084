import { incidentReferralsListRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listIncidentReferrals } from '../../../shared/domain/referrals/list-referrals';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { incidentReferralsListContract } from '../../../shared/api/contracts/referrals';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, categoryStore, incidentStore, referralStore } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(incidentReferralsListRoute, { contract: incidentReferralsListContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, categories: categoryStore, incidents: incidentStore, referrals: referralStore }), cognito: identityPorts } }).handle(
  async ({ params, caller, deps, origin }) => ok(await listIncidentReferrals(deps, requireStaff(caller), params.id, origin)),
);
