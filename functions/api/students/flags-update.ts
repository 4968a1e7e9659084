import { studentsFlagsUpdateRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { changeSafeguarding } from '../../../shared/domain/students/change-safeguarding';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { studentsFlagsUpdateContract } from '../../../shared/api/contracts/casework';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, pupilFileStore } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(studentsFlagsUpdateRoute, { contract: studentsFlagsUpdateContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, pupilFiles: pupilFileStore }), cognito: identityPorts } }).handle(async ({ params, body, caller, deps, origin }) =>
  ok(await changeSafeguarding(deps, requireStaff(caller), params.id, body, origin)),
);
