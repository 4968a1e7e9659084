import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { markAlert } from '../../../shared/domain/alerts/mark-alert';
import { requireStaff } from '../../../shared/domain/identity/require-staff';

export const handler = apiRoute('alerts.markRead').handle(async ({ params, caller, deps, origin }) =>
  ok(await markAlert(deps, requireStaff(caller), params.id, 'read', origin)),
);
