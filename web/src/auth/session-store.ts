import type { CognitoTokens } from './cognito';

/**
 * Tokens live in sessionStorage (this tab only, gone when it closes), never localStorage.
 * `expiresAt` is epoch milliseconds.
 */
export interface StoredSession {
  readonly accessToken: string;
  readonly idToken: string;
  readonly refreshToken?: string;
  readonly expiresAt: number;
  readonly email: string;
}

export const SESSION_KEY = 'lantern.session';

export function sessionFromTokens(tokens: CognitoTokens, email: string, now: number): StoredSession {
  return { accessToken: tokens.accessToken, idToken: tokens.idToken, refreshToken: tokens.refreshToken, expiresAt: now + tokens.expiresIn * 1000, email };
}

export function readSession(storage: Pick<Storage, 'getItem'>): StoredSession | undefined {
  const raw = storage.getItem(SESSION_KEY);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as StoredSession;
    return typeof parsed.accessToken === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function writeSession(storage: Pick<Storage, 'setItem'>, session: StoredSession): void {
  storage.setItem(SESSION_KEY, JSON.stringify(session));
}

/** Refresh a minute early, so a request never goes out with a token about to lapse. */
export function needsRefresh(session: StoredSession, now: number): boolean {
  return session.expiresAt - now < 60_000;
}
