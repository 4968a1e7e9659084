import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listAlertGroups } from '../../../shared/domain/directory/list-alert-groups';

export const handler = apiRoute('alertGroups.list').handle(async ({ deps }) => ok(await listAlertGroups(deps)));
