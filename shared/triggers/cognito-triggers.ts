/** What every sign-in trigger uses (shared/deps/uses.ts): the audit trail, to append to. */
export const signInTriggerUses = ['audit'] as const;

/**
 * The user pool's Lambda triggers; the CDK stack attaches one function per entry. They
 * only append sign-in events to the audit trail, and name nothing of the pool (the pool
 * refers to them; a reference back would be circular).
 */
export const cognitoTriggers = [
  { id: 'sign-in-attempt', trigger: 'preAuthentication', entry: 'functions/cognito/pre-authentication.ts', uses: signInTriggerUses },
  { id: 'sign-in-success', trigger: 'postAuthentication', entry: 'functions/cognito/post-authentication.ts', uses: signInTriggerUses },
] as const;
