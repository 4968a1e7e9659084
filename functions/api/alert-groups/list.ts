import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { listAlertGroups } from '../../../shared/domain/directory/list-alert-groups';
import { alertGroupsListContract } from '../../../shared/api/contracts/directory';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute('alertGroups.list', { contract: alertGroupsListContract, adapters: { dynamodb: dynamoPorts } }).handle(async ({ deps }) => ok(await listAlertGroups(deps)));
