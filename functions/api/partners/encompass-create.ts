import { partnersEncompassCreateRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { created, ok } from '../../../shared/http/responses';
import { receiveEncompassNotification } from '../../../shared/domain/partners/receive-encompass';
import { requirePartner } from '../../../shared/domain/identity/require-staff';
import { partnersEncompassCreateContract } from '../../../shared/api/contracts/partners';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, pupilFileStore, schoolProfileSource, encompassStore } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute(partnersEncompassCreateRoute, {
  contract: partnersEncompassCreateContract,
  adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, pupilFiles: pupilFileStore, schoolProfile: schoolProfileSource, encompass: encompassStore }) },
}).handle(async ({ body, caller, deps, origin }) => {
  const { created: isNew, ...receipt } = await receiveEncompassNotification(deps, requirePartner(caller), body, origin);
  return isNew ? created(receipt) : ok(receipt);
});
