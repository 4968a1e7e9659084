import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { reviewIncident } from '../../../shared/domain/casework/review-incident';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { incidentsReviewContract } from '../../../shared/api/contracts/casework';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute('incidents.review', { contract: incidentsReviewContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts } }).handle(
  async ({ params, body, caller, deps, origin }) => ok(await reviewIncident(deps, requireStaff(caller), params.id, body, origin)),
);
