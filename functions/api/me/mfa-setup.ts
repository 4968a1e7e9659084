import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { setUpAuthenticator } from '../../../shared/domain/identity/authenticator';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { requireBearerToken } from '../../../shared/http/require-bearer-token';
import { meMfaSetupContract } from '../../../shared/api/contracts/me';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute('me.mfa.setup', { contract: meMfaSetupContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts } }).handle(async ({ caller, deps, headers }) =>
  ok(await setUpAuthenticator(deps, requireStaff(caller), requireBearerToken(headers))),
);
