import { categoriesCreateRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { created } from '../../../shared/http/responses';
import { createCategory } from '../../../shared/domain/categories/manage-categories';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { categoriesCreateContract } from '../../../shared/api/contracts/categories-admin';
import { dynamoPorts, auditTrail, staffDirectory, categoryStore } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(categoriesCreateRoute, { contract: categoriesCreateContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, categories: categoryStore }), cognito: identityPorts } }).handle(async ({ body, caller, deps, origin }) =>
  created(await createCategory(deps, requireStaff(caller), body, origin)),
);
