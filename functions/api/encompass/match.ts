import { encompassMatchRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { matchEncompassByHand } from '../../../shared/domain/partners/receive-encompass';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { encompassMatchContract } from '../../../shared/api/contracts/partners';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, pupilFileStore, schoolProfileSource, encompassStore } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(encompassMatchRoute, {
  contract: encompassMatchContract,
  adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, pupilFiles: pupilFileStore, schoolProfile: schoolProfileSource, encompass: encompassStore }), cognito: identityPorts },
}).handle(async ({ params, body, caller, deps, origin }) => ok(await matchEncompassByHand(deps, requireStaff(caller), params.id, body.studentId, origin)));
