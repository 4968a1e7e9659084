import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listAlerts } from '../../../shared/domain/alerts/list-alerts';
import { requireStaff } from '../../../shared/domain/identity/require-staff';

export const handler = apiRoute('alerts.list').handle(async ({ query, caller, deps, origin }) =>
  ok(await listAlerts(deps, requireStaff(caller), { unreadOnly: query.unread === 'true', limit: query.limit, cursor: query.cursor }, origin)),
);
