import { studentsExportsCreateRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { created } from '../../../shared/http/responses';
import { exportChronology } from '../../../shared/domain/exports/export-chronology';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { studentsExportsCreateContract } from '../../../shared/api/contracts/exports';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, pupilFileStore, categoryStore, incidentStore, incidentCasework } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';
import { filePorts } from '../../../shared/deps/files';

export const handler = apiRoute(studentsExportsCreateRoute, {
  contract: studentsExportsCreateContract,
  adapters: {
    dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, pupilFiles: pupilFileStore, categories: categoryStore, incidents: incidentStore, casework: incidentCasework }),
    cognito: identityPorts,
    s3: filePorts,
  },
}).handle(async ({ params, body, caller, deps, origin }) => created(await exportChronology(deps, requireStaff(caller), params.id, body, origin)));
