import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { changeCategory } from '../../../shared/domain/categories/manage-categories';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { categoriesUpdateContract } from '../../../shared/api/contracts/categories-admin';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute('categories.update', { contract: categoriesUpdateContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts } }).handle(async ({ params, body, caller, deps, origin }) =>
  ok(await changeCategory(deps, requireStaff(caller), params.id, body, origin)),
);
