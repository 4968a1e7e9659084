import { createContext, useContext } from 'react';
import type { LanternApi } from '../api/client';
import type { MeView, School, SignInConfig } from '../api/types';
import type { StoredSession } from '../auth/session-store';

export interface SessionContextValue {
  readonly config: SignInConfig;
  readonly session?: StoredSession;
  readonly me?: MeView;
  /** GET /v1/school, loaded once on sign-in: its locations and idle sign-out time. */
  readonly school?: School;
  readonly api: LanternApi;
  signedIn(session: StoredSession): Promise<void>;
  signOut(reason?: string): void;
  reloadMe(): Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside the SessionContext provider');
  return value;
}

export const RETURN_TO_KEY = 'lantern.returnTo';
export const NOTICE_KEY = 'lantern.notice';
