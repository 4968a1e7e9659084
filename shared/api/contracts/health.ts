import type { RouteContract } from '../route-contract';
import { HealthResponse } from '../../schemas/common';

/** health.read */
export const healthReadContract = { success: { status: 200, description: 'The API is serving', schema: HealthResponse } } as const satisfies RouteContract;
