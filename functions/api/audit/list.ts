import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { readAudit } from '../../../shared/domain/audit/read-audit';
import { requireStaff } from '../../../shared/domain/identity/require-staff';

export const handler = apiRoute('audit.read').handle(async ({ query, caller, deps, origin }) =>
  ok(await readAudit(deps, requireStaff(caller), query, origin)),
);
