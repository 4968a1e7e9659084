import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { setUpAuthenticator } from '../../../shared/domain/identity/authenticator';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { requireBearerToken } from '../../../shared/http/require-bearer-token';

export const handler = apiRoute('me.mfa.setup').handle(async ({ caller, deps, headers }) =>
  ok(await setUpAuthenticator(deps, requireStaff(caller), requireBearerToken(headers))),
);
