import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { findStudents } from '../../../shared/domain/students/find-students';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { studentsFindContract } from '../../../shared/api/contracts/casework';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute('students.find', { contract: studentsFindContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts } }).handle(async ({ query, caller, deps, origin }) =>
  ok(await findStudents(deps, requireStaff(caller), { query: query.query, includeArchived: query.includeArchived === 'true' }, origin)),
);
