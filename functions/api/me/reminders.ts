import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listMyReminders } from '../../../shared/domain/incidents/my-work';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { meRemindersListContract } from '../../../shared/api/contracts/my-work';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute('me.reminders.list', { contract: meRemindersListContract, adapters: { dynamodb: dynamoPorts } }).handle(async ({ query, caller, deps, origin }) =>
  ok(await listMyReminders(deps, requireStaff(caller), query.limit, origin)),
);
