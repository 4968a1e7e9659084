import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listReferrals } from '../../../shared/domain/referrals/list-referrals';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { referralsListContract } from '../../../shared/api/contracts/referrals';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute('referrals.list', { contract: referralsListContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts } }).handle(async ({ query, caller, deps, origin }) =>
  ok(await listReferrals(deps, requireStaff(caller), query.status, { limit: query.limit, cursor: query.cursor }, origin)),
);
