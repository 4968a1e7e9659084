import { studentsSearchRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { searchStudents } from '../../../shared/domain/directory/search-students';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { studentsSearchContract } from '../../../shared/api/contracts/directory';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute(studentsSearchRoute, { contract: studentsSearchContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords }) } }).handle(async ({ query, caller, deps, origin }) =>
  ok(await searchStudents(deps, requireStaff(caller), query.query, origin)),
);
