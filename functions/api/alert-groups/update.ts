import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { changeAlertGroup } from '../../../shared/domain/alerts/manage-alert-groups';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { alertGroupsUpdateContract } from '../../../shared/api/contracts/alert-groups-admin';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute('alertGroups.update', { contract: alertGroupsUpdateContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts } }).handle(async ({ params, body, caller, deps, origin }) =>
  ok(await changeAlertGroup(deps, requireStaff(caller), params.id, body, origin)),
);
