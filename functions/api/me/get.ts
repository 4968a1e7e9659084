import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { describeMe } from '../../../shared/domain/staff/get-me';
import { requireStaff } from '../../../shared/domain/identity/require-staff';

export const handler = apiRoute('me.read').handle(async ({ caller, deps }) => ok(describeMe(deps, requireStaff(caller))));
