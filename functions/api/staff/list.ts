import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { searchStaff } from '../../../shared/domain/directory/search-staff';
import { requireStaff } from '../../../shared/domain/identity/require-staff';

export const handler = apiRoute('staff.list').handle(async ({ query, caller, deps, origin }) => ok(await searchStaff(deps, requireStaff(caller), query.query, origin)));
