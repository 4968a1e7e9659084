import { signIn as signInTo, type Tokens } from '../../../local/sign-in';
import type { LocalFacts } from '../../../local/local-facts';
import { localFacts } from './local-facts';

export type { Tokens };

/** Signs in to the stack global-setup started (see local/sign-in.ts). */
export function signIn(email: string, password: string, totpSecret?: string, facts: Pick<LocalFacts, 'region' | 'cognito' | 'credentials'> = localFacts()): Promise<Tokens> {
  return signInTo(email, password, totpSecret, facts);
}
