import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { searchStaff } from '../../../shared/domain/directory/search-staff';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { staffListContract } from '../../../shared/api/contracts/directory';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute('staff.list', { contract: staffListContract, adapters: { dynamodb: dynamoPorts } }).handle(async ({ query, caller, deps, origin }) =>
  ok(await searchStaff(deps, requireStaff(caller), query.query, origin)),
);
