import { categoriesUpdateRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { changeCategory } from '../../../shared/domain/categories/manage-categories';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { categoriesUpdateContract } from '../../../shared/api/contracts/categories-admin';
import { dynamoPorts, auditTrail, staffDirectory, categoryStore } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(categoriesUpdateRoute, { contract: categoriesUpdateContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, categories: categoryStore }), cognito: identityPorts } }).handle(async ({ params, body, caller, deps, origin }) =>
  ok(await changeCategory(deps, requireStaff(caller), params.id, body, origin)),
);
