import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listCategories } from '../../../shared/domain/directory/list-categories';
import { requireStaff } from '../../../shared/domain/identity/require-staff';

export const handler = apiRoute('categories.list').handle(async ({ caller, deps, origin }) => ok(await listCategories(deps, requireStaff(caller), origin)));
