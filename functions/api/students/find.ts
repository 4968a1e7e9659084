import { studentsFindRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { findStudents } from '../../../shared/domain/students/find-students';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { studentsFindContract } from '../../../shared/api/contracts/casework';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(studentsFindRoute, { contract: studentsFindContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords }), cognito: identityPorts } }).handle(async ({ query, caller, deps, origin }) =>
  ok(await findStudents(deps, requireStaff(caller), { query: query.query, includeArchived: query.includeArchived === 'true' }, origin)),
);
