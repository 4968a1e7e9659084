import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { changeCategory } from '../../../shared/domain/categories/manage-categories';
import { requireStaff } from '../../../shared/domain/identity/require-staff';

export const handler = apiRoute('categories.update').handle(async ({ params, body, caller, deps, origin }) =>
  ok(await changeCategory(deps, requireStaff(caller), params.id, body, origin)),
);
