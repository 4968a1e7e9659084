import { studentsUpdateRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { changePupilStatus } from '../../../shared/domain/students/change-pupil-status';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { studentsUpdateContract } from '../../../shared/api/contracts/casework';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, pupilFileStore } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(studentsUpdateRoute, { contract: studentsUpdateContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, pupilFiles: pupilFileStore }), cognito: identityPorts } }).handle(async ({ params, body, caller, deps, origin }) =>
  ok(await changePupilStatus(deps, requireStaff(caller), params.id, body, origin)),
);
