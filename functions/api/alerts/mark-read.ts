import { alertsMarkReadRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { markAlert } from '../../../shared/domain/alerts/mark-alert';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { alertsMarkReadContract } from '../../../shared/api/contracts/alerts';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, alertStore } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute(alertsMarkReadRoute, { contract: alertsMarkReadContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, alerts: alertStore }) } }).handle(async ({ params, caller, deps, origin }) =>
  ok(await markAlert(deps, requireStaff(caller), params.id, 'read', origin)),
);
