import { staffCreateRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { created } from '../../../shared/http/responses';
import { inviteStaff } from '../../../shared/domain/staff/manage-staff';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { staffCreateContract } from '../../../shared/api/contracts/staff-admin';
import { dynamoPorts, auditTrail, staffDirectory } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(staffCreateRoute, { contract: staffCreateContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory }), cognito: identityPorts } }).handle(async ({ body, caller, deps, origin }) =>
  created(await inviteStaff(deps, requireStaff(caller), body, origin)),
);
