import { apiRoute } from '../../../shared/http/api-route';
import { created } from '../../../shared/http/responses';
import { exportChronology } from '../../../shared/domain/exports/export-chronology';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { studentsExportsCreateContract } from '../../../shared/api/contracts/exports';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';
import { filePorts } from '../../../shared/deps/files';

export const handler = apiRoute('students.exports.create', { contract: studentsExportsCreateContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts, s3: filePorts } }).handle(async ({ params, body, caller, deps, origin }) =>
  created(await exportChronology(deps, requireStaff(caller), params.id, body, origin)),
);
