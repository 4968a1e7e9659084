import { studentsImportRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { created } from '../../../shared/http/responses';
import { createImport } from '../../../shared/domain/students/import/manage-imports';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { studentsImportContract } from '../../../shared/api/contracts/pupil-import';
import { dynamoPorts, auditTrail, staffDirectory, pupilImportStore } from '../../../shared/deps/dynamo-ports';
import { filePorts } from '../../../shared/deps/files';

export const handler = apiRoute(studentsImportRoute, {
  contract: studentsImportContract,
  adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, pupilImports: pupilImportStore }), s3: filePorts },
}).handle(async ({ body, caller, deps, origin }) => {
  const result = await createImport(deps, requireStaff(caller), body, origin);
  return created(result, { location: `/v1/imports/${result.import.id}` });
});
