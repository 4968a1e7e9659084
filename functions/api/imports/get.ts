import { importsReadRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { readImport } from '../../../shared/domain/students/import/manage-imports';
import { importsReadContract } from '../../../shared/api/contracts/pupil-import';
import { dynamoPorts, auditTrail, staffDirectory, pupilImportStore } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute(importsReadRoute, {
  contract: importsReadContract,
  adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, pupilImports: pupilImportStore }) },
}).handle(async ({ params, deps }) => ok(await readImport(deps, params.id)));
