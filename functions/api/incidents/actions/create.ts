import { actionsCreateRoute } from '../../../../shared/api/routes';
import { apiRoute } from '../../../../shared/http/api-route';
import { created } from '../../../../shared/http/responses';
import { addAction } from '../../../../shared/domain/incidents/add-action';
import { requireStaff } from '../../../../shared/domain/identity/require-staff';
import { actionsCreateContract } from '../../../../shared/api/contracts/incidents';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, categoryStore, alertGroupDirectory, incidentStore, fileRecordStore } from '../../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../../shared/deps/identity';

import { filePorts } from '../../../../shared/deps/files';
export const handler = apiRoute(actionsCreateRoute, { contract: actionsCreateContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, categories: categoryStore, alertGroups: alertGroupDirectory, incidents: incidentStore, fileRecords: fileRecordStore }), cognito: identityPorts, s3: filePorts } }).handle(async ({ params, body, caller, deps, origin }) =>
  created(await addAction(deps, requireStaff(caller), params.id, body, origin)),
);
