import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { readPupilFile } from '../../../shared/domain/students/read-pupil-file';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { studentsReadContract } from '../../../shared/api/contracts/casework';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute('students.read', { contract: studentsReadContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts } }).handle(async ({ params, caller, deps, origin }) =>
  ok(await readPupilFile(deps, requireStaff(caller), params.id, origin)),
);
