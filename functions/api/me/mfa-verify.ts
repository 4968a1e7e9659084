import { meMfaVerifyRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { confirmAuthenticator } from '../../../shared/domain/identity/authenticator';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { requireBearerToken } from '../../../shared/http/require-bearer-token';
import { meMfaVerifyContract } from '../../../shared/api/contracts/me';
import { dynamoPorts, auditTrail, staffDirectory } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(meMfaVerifyRoute, { contract: meMfaVerifyContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory }), cognito: identityPorts } }).handle(async ({ body, caller, deps, headers, origin }) =>
  ok(await confirmAuthenticator(deps, requireStaff(caller), requireBearerToken(headers), body.code, origin)),
);
