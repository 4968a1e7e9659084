import { studentsChronologyRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { readChronology } from '../../../shared/domain/casework/read-chronology';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { studentsChronologyContract } from '../../../shared/api/contracts/casework';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, pupilFileStore, categoryStore } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(studentsChronologyRoute, { contract: studentsChronologyContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, pupilFiles: pupilFileStore, categories: categoryStore }), cognito: identityPorts } }).handle(async ({ params, query, caller, deps, origin }) =>
  ok(await readChronology(deps, requireStaff(caller), params.id, query, origin)),
);
