import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { confirmAuthenticator } from '../../../shared/domain/identity/authenticator';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { requireBearerToken } from '../../../shared/http/require-bearer-token';

export const handler = apiRoute('me.mfa.verify').handle(async ({ body, caller, deps, headers, origin }) =>
  ok(await confirmAuthenticator(deps, requireStaff(caller), requireBearerToken(headers), body.code, origin)),
);
