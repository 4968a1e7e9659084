import { apiRoute } from '../../../shared/http/api-route';
import { noContent } from '../../../shared/http/responses';
import { removeAlertGroup } from '../../../shared/domain/alerts/manage-alert-groups';
import { requireStaff } from '../../../shared/domain/identity/require-staff';

export const handler = apiRoute('alertGroups.delete').handle(async ({ params, caller, deps, origin }) => {
  await removeAlertGroup(deps, requireStaff(caller), params.id, origin);
  return noContent();
});
