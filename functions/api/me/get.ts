import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { describeMe } from '../../../shared/domain/staff/get-me';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { meReadContract } from '../../../shared/api/contracts/me';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute('me.read', { contract: meReadContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts } }).handle(async ({ caller, deps }) => ok(describeMe(deps, requireStaff(caller))));
