import { apiRoute } from '../../../shared/http/api-route';
import { created } from '../../../shared/http/responses';
import { createCategory } from '../../../shared/domain/categories/manage-categories';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { categoriesCreateContract } from '../../../shared/api/contracts/categories-admin';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute('categories.create', { contract: categoriesCreateContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts } }).handle(async ({ body, caller, deps, origin }) =>
  created(await createCategory(deps, requireStaff(caller), body, origin)),
);
