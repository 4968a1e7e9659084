import type { AuditTrail, Clock, IdGenerator } from '../ports';

export type SignInStage = 'attempt' | 'success';

/**
 * Sign-ins from the user pool's triggers: every attempt (pre-authentication, before the
 * password is checked) and every success (post-authentication). An attempt without a
 * success is a failed sign-in.
 */
export async function recordSignIn(
  deps: { readonly audit: AuditTrail; readonly clock: Clock; readonly ids: IdGenerator },
  sign: { readonly stage: SignInStage; readonly staffId: string; readonly requestId: string; readonly sourceIp?: string; readonly clientId?: string },
): Promise<void> {
  await deps.audit.record({
    id: deps.ids.next(),
    at: deps.clock.now().toISOString(),
    action: `sign-in.${sign.stage}`,
    outcome: 'allowed',
    staffId: sign.staffId,
    groups: [],
    elevated: false,
    recordType: 'sign-in',
    recordId: sign.staffId,
    requestId: sign.requestId,
    sourceIp: sign.sourceIp ?? 'unknown',
  });
}
