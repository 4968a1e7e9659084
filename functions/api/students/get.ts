import { studentsReadRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { readPupilFile } from '../../../shared/domain/students/read-pupil-file';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { studentsReadContract } from '../../../shared/api/contracts/casework';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, pupilFileStore, categoryStore } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(studentsReadRoute, { contract: studentsReadContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, pupilFiles: pupilFileStore, categories: categoryStore }), cognito: identityPorts } }).handle(async ({ params, caller, deps, origin }) =>
  ok(await readPupilFile(deps, requireStaff(caller), params.id, origin)),
);
