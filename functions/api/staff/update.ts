import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { changeStaff } from '../../../shared/domain/staff/manage-staff';
import { requireStaff } from '../../../shared/domain/identity/require-staff';

export const handler = apiRoute('staff.update').handle(async ({ params, body, caller, deps, origin }) =>
  ok(await changeStaff(deps, requireStaff(caller), params.id, body, origin)),
);
