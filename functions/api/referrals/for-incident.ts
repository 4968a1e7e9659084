import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listIncidentReferrals } from '../../../shared/domain/referrals/list-referrals';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { incidentReferralsListContract } from '../../../shared/api/contracts/referrals';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute('incidentReferrals.list', { contract: incidentReferralsListContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts } }).handle(
  async ({ params, caller, deps, origin }) => ok(await listIncidentReferrals(deps, requireStaff(caller), params.id, origin)),
);
