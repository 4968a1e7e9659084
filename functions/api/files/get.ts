import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { downloadFile } from '../../../shared/domain/files/download-file';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { filesReadContract } from '../../../shared/api/contracts/files';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';
import { filePorts } from '../../../shared/deps/files';

export const handler = apiRoute('files.read', { contract: filesReadContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts, s3: filePorts } }).handle(async ({ params, caller, deps, origin }) =>
  ok(await downloadFile(deps, requireStaff(caller), params.id, origin)),
);
