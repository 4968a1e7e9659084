import { apiRoute } from '../../../shared/http/api-route';
import { created } from '../../../shared/http/responses';
import { inviteStaff } from '../../../shared/domain/staff/manage-staff';
import { requireStaff } from '../../../shared/domain/identity/require-staff';

export const handler = apiRoute('staff.create').handle(async ({ body, caller, deps, origin }) =>
  created(await inviteStaff(deps, requireStaff(caller), body, origin)),
);
