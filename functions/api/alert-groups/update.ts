import { alertGroupsUpdateRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { changeAlertGroup } from '../../../shared/domain/alerts/manage-alert-groups';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { alertGroupsUpdateContract } from '../../../shared/api/contracts/alert-groups-admin';
import { dynamoPorts, auditTrail, staffDirectory, alertGroupDirectory } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(alertGroupsUpdateRoute, { contract: alertGroupsUpdateContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, alertGroups: alertGroupDirectory }), cognito: identityPorts } }).handle(async ({ params, body, caller, deps, origin }) =>
  ok(await changeAlertGroup(deps, requireStaff(caller), params.id, body, origin)),
);
