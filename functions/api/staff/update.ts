import { staffUpdateRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { changeStaff } from '../../../shared/domain/staff/manage-staff';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { staffUpdateContract } from '../../../shared/api/contracts/staff-admin';
import { dynamoPorts, auditTrail, staffDirectory } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(staffUpdateRoute, { contract: staffUpdateContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory }), cognito: identityPorts } }).handle(async ({ params, body, caller, deps, origin }) =>
  ok(await changeStaff(deps, requireStaff(caller), params.id, body, origin)),
);
