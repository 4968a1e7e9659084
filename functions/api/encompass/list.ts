import { encompassListRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listEncompassNotifications } from '../../../shared/domain/partners/receive-encompass';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { encompassListContract } from '../../../shared/api/contracts/partners';
import { dynamoPorts, auditTrail, staffDirectory, encompassStore } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(encompassListRoute, {
  contract: encompassListContract,
  adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, encompass: encompassStore }), cognito: identityPorts },
}).handle(async ({ caller, deps, origin }) => ok(await listEncompassNotifications(deps, requireStaff(caller), origin)));
