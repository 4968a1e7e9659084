import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';

export const handler = apiRoute('health.read').handle(async () => ok({ status: 'ok' as const }));
