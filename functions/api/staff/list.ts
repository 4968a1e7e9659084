import { staffListRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { searchStaff } from '../../../shared/domain/directory/search-staff';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { staffListContract } from '../../../shared/api/contracts/directory';
import { dynamoPorts, auditTrail, staffDirectory } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute(staffListRoute, { contract: staffListContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory }) } }).handle(async ({ query, caller, deps, origin }) =>
  ok(await searchStaff(deps, requireStaff(caller), query.query, origin)),
);
