import { meReadRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { describeMe } from '../../../shared/domain/staff/get-me';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { meReadContract } from '../../../shared/api/contracts/me';
import { dynamoPorts, auditTrail, staffDirectory } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(meReadRoute, { contract: meReadContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory }), cognito: identityPorts } }).handle(async ({ caller, deps }) => ok(describeMe(deps, requireStaff(caller))));
