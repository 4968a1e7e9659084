import { apiRoute } from '../../../../shared/http/api-route';
import { created } from '../../../../shared/http/responses';
import { addAction } from '../../../../shared/domain/incidents/add-action';
import { requireStaff } from '../../../../shared/domain/identity/require-staff';
import { actionsCreateContract } from '../../../../shared/api/contracts/incidents';
import { dynamoPorts } from '../../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../../shared/deps/identity';

import { filePorts } from '../../../../shared/deps/files';
export const handler = apiRoute('actions.create', { contract: actionsCreateContract, adapters: { dynamodb: dynamoPorts, cognito: identityPorts, s3: filePorts } }).handle(async ({ params, body, caller, deps, origin }) =>
  created(await addAction(deps, requireStaff(caller), params.id, body, origin)),
);
