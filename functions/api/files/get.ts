import { filesReadRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { downloadFile } from '../../../shared/domain/files/download-file';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { filesReadContract } from '../../../shared/api/contracts/files';
import { dynamoPorts, auditTrail, staffDirectory, categoryStore, incidentStore, fileRecordStore } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';
import { filePorts } from '../../../shared/deps/files';

export const handler = apiRoute(filesReadRoute, { contract: filesReadContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, categories: categoryStore, incidents: incidentStore, fileRecords: fileRecordStore }), cognito: identityPorts, s3: filePorts } }).handle(async ({ params, caller, deps, origin }) =>
  ok(await downloadFile(deps, requireStaff(caller), params.id, origin)),
);
