import { auditReadRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { readAudit } from '../../../shared/domain/audit/read-audit';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { auditReadContract } from '../../../shared/api/contracts/audit';
import { dynamoPorts, auditTrail, staffDirectory } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(auditReadRoute, { contract: auditReadContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory }), cognito: identityPorts } }).handle(async ({ query, caller, deps, origin }) =>
  ok(await readAudit(deps, requireStaff(caller), query, origin)),
);
