import { apiRoute } from '../../../shared/http/api-route';
import { created } from '../../../shared/http/responses';
import { createCategory } from '../../../shared/domain/categories/manage-categories';
import { requireStaff } from '../../../shared/domain/identity/require-staff';

export const handler = apiRoute('categories.create').handle(async ({ body, caller, deps, origin }) =>
  created(await createCategory(deps, requireStaff(caller), body, origin)),
);
