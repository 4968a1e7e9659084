import { alertGroupsListRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listAlertGroups } from '../../../shared/domain/directory/list-alert-groups';
import { alertGroupsListContract } from '../../../shared/api/contracts/directory';
import { dynamoPorts, auditTrail, staffDirectory, alertGroupDirectory } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute(alertGroupsListRoute, { contract: alertGroupsListContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, alertGroups: alertGroupDirectory }) } }).handle(async ({ deps }) => ok(await listAlertGroups(deps)));
