import { signIn as signInTo, type Tokens } from '../../../local/sign-in';
import type { LocalDemoUser, LocalFacts } from '../../../local/local-facts';
import { demoUserWithEmail, localFacts } from './local-facts';

export type { Tokens };

/** Signs in to the stack global-setup started (see local/sign-in.ts). */
export function signIn(email: string, password: string, totpSecret?: string, facts: Pick<LocalFacts, 'region' | 'cognito' | 'credentials'> = localFacts()): Promise<Tokens> {
  return signInTo(email, password, totpSecret, facts);
}

/** Signs a demo user in as they would (with their authenticator's code when they have one). */
export async function signInDemoUser(email: string, facts: Pick<LocalFacts, 'users' | 'region' | 'cognito' | 'credentials'> = localFacts()): Promise<{ readonly user: LocalDemoUser; readonly token: string }> {
  const user = demoUserWithEmail(email, facts);
  return { user, token: (await signIn(user.email, user.password, user.totpSecret, facts)).accessToken };
}
