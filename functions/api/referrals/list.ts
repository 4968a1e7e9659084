import { referralsListRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listReferrals } from '../../../shared/domain/referrals/list-referrals';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { referralsListContract } from '../../../shared/api/contracts/referrals';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, referralStore } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(referralsListRoute, { contract: referralsListContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, referrals: referralStore }), cognito: identityPorts } }).handle(async ({ query, caller, deps, origin }) =>
  ok(await listReferrals(deps, requireStaff(caller), query.status, { limit: query.limit, cursor: query.cursor }, origin)),
);
