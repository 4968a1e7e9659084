import { alertGroupsDeleteRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { noContent } from '../../../shared/http/responses';
import { removeAlertGroup } from '../../../shared/domain/alerts/manage-alert-groups';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { alertGroupsDeleteContract } from '../../../shared/api/contracts/alert-groups-admin';
import { dynamoPorts, auditTrail, staffDirectory, alertGroupDirectory } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(alertGroupsDeleteRoute, { contract: alertGroupsDeleteContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, alertGroups: alertGroupDirectory }), cognito: identityPorts } }).handle(async ({ params, caller, deps, origin }) => {
  await removeAlertGroup(deps, requireStaff(caller), params.id, origin);
  return noContent();
});
