import { apiRoute } from '../../../shared/http/api-route';
import { created } from '../../../shared/http/responses';
import { recordReferral } from '../../../shared/domain/referrals/record-referral';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { referralsCreateContract } from '../../../shared/api/contracts/referrals';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute('referrals.create', { contract: referralsCreateContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts } }).handle(
  async ({ params, body, caller, deps, origin }) => created(await recordReferral(deps, requireStaff(caller), params.id, body, origin)),
);
