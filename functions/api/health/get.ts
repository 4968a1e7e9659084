import { healthReadRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { healthReadContract } from '../../../shared/api/contracts/health';

export const handler = apiRoute(healthReadRoute, { contract: healthReadContract, adapters: {} }).handle(async () => ok({ status: 'ok' as const }));
