import { apiRoute } from '../../../shared/http/api-route';
import { created, ok } from '../../../shared/http/responses';
import { receiveEncompassNotification } from '../../../shared/domain/partners/receive-encompass';
import { requirePartner } from '../../../shared/domain/identity/require-staff';
import { partnersEncompassCreateContract } from '../../../shared/api/contracts/partners';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute('partners.encompass.create', { contract: partnersEncompassCreateContract, adapters: { dynamodb: dynamoPorts } }).handle(async ({ body, caller, deps, origin }) => {
  const { created: isNew, ...receipt } = await receiveEncompassNotification(deps, requirePartner(caller), body, origin);
  return isNew ? created(receipt) : ok(receipt);
});
