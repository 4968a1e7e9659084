import { filesCreateRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { created } from '../../../shared/http/responses';
import { createUpload } from '../../../shared/domain/files/create-upload';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { filesCreateContract } from '../../../shared/api/contracts/files';
import { dynamoPorts, auditTrail, staffDirectory, fileRecordStore } from '../../../shared/deps/dynamo-ports';
import { filePorts } from '../../../shared/deps/files';

export const handler = apiRoute(filesCreateRoute, { contract: filesCreateContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, fileRecords: fileRecordStore }), s3: filePorts } }).handle(async ({ body, caller, deps, origin }) => {
  const result = await createUpload(deps, requireStaff(caller), body, origin);
  return created(result, { location: `/v1/files/${result.file.id}` });
});
