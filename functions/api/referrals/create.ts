import { referralsCreateRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { created } from '../../../shared/http/responses';
import { recordReferral } from '../../../shared/domain/referrals/record-referral';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { referralsCreateContract } from '../../../shared/api/contracts/referrals';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, categoryStore, schoolProfileSource, incidentStore, referralStore } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(referralsCreateRoute, { contract: referralsCreateContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, categories: categoryStore, schoolProfile: schoolProfileSource, incidents: incidentStore, referrals: referralStore }), cognito: identityPorts } }).handle(
  async ({ params, body, caller, deps, origin }) => created(await recordReferral(deps, requireStaff(caller), params.id, body, origin)),
);
