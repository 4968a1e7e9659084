import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { changeReferral } from '../../../shared/domain/referrals/record-referral';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { referralsUpdateContract } from '../../../shared/api/contracts/referrals';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute('referrals.update', { contract: referralsUpdateContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts } }).handle(
  async ({ params, body, caller, deps, origin }) => ok(await changeReferral(deps, requireStaff(caller), params.id, params.referralId, body, origin)),
);
