import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { changeSafeguarding } from '../../../shared/domain/students/change-safeguarding';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { studentsFlagsUpdateContract } from '../../../shared/api/contracts/casework';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute('students.flags.update', { contract: studentsFlagsUpdateContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts } }).handle(async ({ params, body, caller, deps, origin }) =>
  ok(await changeSafeguarding(deps, requireStaff(caller), params.id, body, origin)),
);
