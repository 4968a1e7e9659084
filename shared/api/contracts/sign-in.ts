import type { RouteContract } from '../route-contract';
import { SignInConfiguration } from '../../schemas/identity';

/** config.read */
export const configReadContract = { success: { status: 200, description: 'Sign-in configuration', schema: SignInConfiguration } } as const satisfies RouteContract;
