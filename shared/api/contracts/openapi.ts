import type { RouteContract } from '../route-contract';

/** openapi.read */
export const openapiReadContract = { success: { status: 200, description: 'OpenAPI 3.1 document' } } as const satisfies RouteContract;
