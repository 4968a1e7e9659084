import { openapiReadRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { openapiReadContract } from '../../../shared/api/contracts/openapi';
// Generated at build time from the contracts (npm run build:openapi); a test keeps it current.
import document from '../../../shared/api/openapi.generated.json' with { type: 'json' };

export const handler = apiRoute(openapiReadRoute, { contract: openapiReadContract, adapters: {} }).handle(async () => ok(document));
