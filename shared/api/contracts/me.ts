import type { RouteContract } from '../route-contract';
import { Me } from '../../schemas/identity';
import { AuthenticatorCode, AuthenticatorEnrolled, AuthenticatorSetup } from '../../schemas/staff-admin';

/** me.read */
export const meReadContract = { success: { status: 200, description: "The caller's profile", schema: Me }, failures: [403] } as const satisfies RouteContract;

/** me.mfa.setup */
export const meMfaSetupContract = { success: { status: 200, description: 'Secret and otpauth URI', schema: AuthenticatorSetup } } as const satisfies RouteContract;

/** me.mfa.verify */
export const meMfaVerifyContract = { body: AuthenticatorCode, success: { status: 200, description: 'Enrolled', schema: AuthenticatorEnrolled }, failures: [409, 422] } as const satisfies RouteContract;
