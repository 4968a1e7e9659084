import { referralsUpdateRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { changeReferral } from '../../../shared/domain/referrals/record-referral';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { referralsUpdateContract } from '../../../shared/api/contracts/referrals';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, categoryStore, incidentStore, referralStore } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(referralsUpdateRoute, { contract: referralsUpdateContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, categories: categoryStore, incidents: incidentStore, referrals: referralStore }), cognito: identityPorts } }).handle(
  async ({ params, body, caller, deps, origin }) => ok(await changeReferral(deps, requireStaff(caller), params.id, params.referralId, body, origin)),
);
