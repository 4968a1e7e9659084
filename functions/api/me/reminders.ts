import { meRemindersListRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listMyReminders } from '../../../shared/domain/incidents/my-work';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { meRemindersListContract } from '../../../shared/api/contracts/my-work';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, categoryStore, incidentStore } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute(meRemindersListRoute, { contract: meRemindersListContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, categories: categoryStore, incidents: incidentStore }) } }).handle(async ({ query, caller, deps, origin }) =>
  ok(await listMyReminders(deps, requireStaff(caller), query.limit, origin)),
);
