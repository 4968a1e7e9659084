import { importsStartRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { accepted } from '../../../shared/http/responses';
import { startImport } from '../../../shared/domain/students/import/manage-imports';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { importsStartContract } from '../../../shared/api/contracts/pupil-import';
import { dynamoPorts, auditTrail, staffDirectory, pupilImportStore } from '../../../shared/deps/dynamo-ports';
import { filePorts } from '../../../shared/deps/files';

export const handler = apiRoute(importsStartRoute, {
  contract: importsStartContract,
  adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, pupilImports: pupilImportStore }), s3: filePorts },
}).handle(async ({ params, caller, deps, origin }) => accepted(await startImport(deps, requireStaff(caller), params.id, origin)));
