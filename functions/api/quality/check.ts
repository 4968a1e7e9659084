import { qualityCheckRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { checkDraft } from '../../../shared/domain/quality/check-draft';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { qualityCheckContract } from '../../../shared/api/contracts/quality';
import { dynamoPorts, auditTrail, staffDirectory, studentRecords, categoryStore, schoolProfileSource } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute(qualityCheckRoute, { contract: qualityCheckContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, categories: categoryStore, schoolProfile: schoolProfileSource }) } }).handle(async ({ body, caller, deps, origin }) =>
  ok(await checkDraft(deps, requireStaff(caller), body, origin)),
);
