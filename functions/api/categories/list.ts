import { categoriesListRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listCategories } from '../../../shared/domain/directory/list-categories';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { categoriesListContract } from '../../../shared/api/contracts/directory';
import { dynamoPorts, auditTrail, staffDirectory, categoryStore } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute(categoriesListRoute, { contract: categoriesListContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, categories: categoryStore }) } }).handle(async ({ caller, deps, origin }) =>
  ok(await listCategories(deps, requireStaff(caller), origin)),
);
