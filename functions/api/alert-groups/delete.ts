import { apiRoute } from '../../../shared/http/api-route';
import { noContent } from '../../../shared/http/responses';
import { removeAlertGroup } from '../../../shared/domain/alerts/manage-alert-groups';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { alertGroupsDeleteContract } from '../../../shared/api/contracts/alert-groups-admin';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute('alertGroups.delete', { contract: alertGroupsDeleteContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts } }).handle(async ({ params, caller, deps, origin }) => {
  await removeAlertGroup(deps, requireStaff(caller), params.id, origin);
  return noContent();
});
