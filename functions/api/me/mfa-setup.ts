import { meMfaSetupRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { setUpAuthenticator } from '../../../shared/domain/identity/authenticator';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { requireBearerToken } from '../../../shared/http/require-bearer-token';
import { meMfaSetupContract } from '../../../shared/api/contracts/me';
import { dynamoPorts, auditTrail, staffDirectory } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(meMfaSetupRoute, { contract: meMfaSetupContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory }), cognito: identityPorts } }).handle(async ({ caller, deps, headers }) =>
  ok(await setUpAuthenticator(deps, requireStaff(caller), requireBearerToken(headers))),
);
