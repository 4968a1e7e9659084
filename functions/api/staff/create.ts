import { apiRoute } from '../../../shared/http/api-route';
import { created } from '../../../shared/http/responses';
import { inviteStaff } from '../../../shared/domain/staff/manage-staff';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { staffCreateContract } from '../../../shared/api/contracts/staff-admin';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute('staff.create', { contract: staffCreateContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts } }).handle(async ({ body, caller, deps, origin }) =>
  created(await inviteStaff(deps, requireStaff(caller), body, origin)),
);
