import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { checkDraft } from '../../../shared/domain/quality/check-draft';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { qualityCheckContract } from '../../../shared/api/contracts/quality';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute('quality.check', { contract: qualityCheckContract, adapters: { dynamodb: dynamoPorts } }).handle(async ({ body, caller, deps, origin }) =>
  ok(await checkDraft(deps, requireStaff(caller), body, origin)),
);
