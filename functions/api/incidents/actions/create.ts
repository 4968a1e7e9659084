import { apiRoute } from '../../../../shared/http/api-route';
import { created } from '../../../../shared/http/responses';
import { addAction } from '../../../../shared/domain/incidents/add-action';
import { requireStaff } from '../../../../shared/domain/identity/require-staff';

export const handler = apiRoute('actions.create').handle(async ({ params, body, caller, deps, origin }) =>
  created(await addAction(deps, requireStaff(caller), params.id, body, origin)),
);
