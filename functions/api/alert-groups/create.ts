import { alertGroupsCreateRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { created } from '../../../shared/http/responses';
import { createAlertGroup } from '../../../shared/domain/alerts/manage-alert-groups';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { alertGroupsCreateContract } from '../../../shared/api/contracts/alert-groups-admin';
import { dynamoPorts, auditTrail, staffDirectory, alertGroupDirectory } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(alertGroupsCreateRoute, { contract: alertGroupsCreateContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, alertGroups: alertGroupDirectory }), cognito: identityPorts } }).handle(async ({ body, caller, deps, origin }) =>
  created(await createAlertGroup(deps, requireStaff(caller), body, origin)),
);
