import { createContext, useContext } from 'react';
import type { LanternApi } from '../api/client';
import type { MeView, SignInConfig } from '../api/types';
import type { StoredSession } from '../auth/session-store';

export interface SessionContextValue {
  readonly config: SignInConfig;
  readonly session?: StoredSession;
  readonly me?: MeView;
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
