import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { confirmAuthenticator } from '../../../shared/domain/identity/authenticator';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { requireBearerToken } from '../../../shared/http/require-bearer-token';
import { meMfaVerifyContract } from '../../../shared/api/contracts/me';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute('me.mfa.verify', { contract: meMfaVerifyContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts } }).handle(async ({ body, caller, deps, headers, origin }) =>
  ok(await confirmAuthenticator(deps, requireStaff(caller), requireBearerToken(headers), body.code, origin)),
);
