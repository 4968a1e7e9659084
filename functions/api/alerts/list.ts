import { alertsListRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listAlerts } from '../../../shared/domain/alerts/list-alerts';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { alertsListContract } from '../../../shared/api/contracts/alerts';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, alertStore } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute(alertsListRoute, { contract: alertsListContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, alerts: alertStore }) } }).handle(async ({ query, caller, deps, origin }) =>
  ok(await listAlerts(deps, requireStaff(caller), { unreadOnly: query.unread === 'true', limit: query.limit, cursor: query.cursor }, origin)),
);
