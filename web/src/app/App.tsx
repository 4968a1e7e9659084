import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { LanternApi, loadConfig } from '../api/client';
import type { MeView, School, SignInConfig } from '../api/types';
import { refreshTokens } from '../auth/cognito';
import { needsRefresh, readSession, sessionFromTokens, SESSION_KEY, writeSession, type StoredSession } from '../auth/session-store';
import { clearDraft } from '../record/draft';
import { navigate, useLocationPath } from './router';
import { NOTICE_KEY, RETURN_TO_KEY, SessionContext, type SessionContextValue } from './session';
import { Layout } from './Layout';
import { SignInPage } from '../pages/SignInPage';
import { DashboardPage } from '../pages/DashboardPage';
import { RecordConcernPage } from '../pages/RecordConcernPage';
import { TriagePage } from '../pages/TriagePage';
import { ReferralsPage } from '../pages/ReferralsPage';
import { EncompassPage } from '../pages/EncompassPage';
import { IncidentPage } from '../pages/IncidentPage';
import { AuthenticatorPage } from '../pages/AuthenticatorPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RecordingQualityPage } from '../pages/RecordingQualityPage';
import { PupilPage } from '../pages/PupilPage';
import { FindPupilPage } from '../pages/FindPupilPage';
import { ReportsPage } from '../pages/ReportsPage';
import { useIdleSignOut } from './idle-sign-out';

export function App() {
  const [config, setConfig] = useState<SignInConfig>();
  const [configError, setConfigError] = useState<string>();
  useEffect(() => {
    loadConfig().then(setConfig, () => setConfigError('Lantern could not be reached. Check the connection and reload the page.'));
  }, []);
  if (configError) return <p className="govuk-body govuk-!-margin-5">{configError}</p>;
  if (!config) return <p className="govuk-body govuk-!-margin-5">Loading Lantern…</p>;
  return <SignedInApp config={config} />;
}

function SignedInApp({ config }: { config: SignInConfig }) {
  const [session, setSession] = useState<StoredSession | undefined>(() => readSession(window.sessionStorage));
  const [me, setMe] = useState<MeView>();
  const [school, setSchool] = useState<School>();
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const refreshing = useRef<Promise<string | undefined> | undefined>(undefined);
  const path = useLocationPath();

  const signOut = useCallback((reason?: string) => {
    window.sessionStorage.removeItem(SESSION_KEY);
    clearDraft(window.sessionStorage);
    window.sessionStorage.removeItem(RETURN_TO_KEY);
    if (reason) window.sessionStorage.setItem(NOTICE_KEY, reason);
    setSession(undefined);
    setMe(undefined);
    navigate('/sign-in', { replace: true });
  }, []);

  const token = useCallback(async (): Promise<string | undefined> => {
    const current = sessionRef.current;
    if (!current) return undefined;
    if (!needsRefresh(current, Date.now())) return current.accessToken;
    if (!current.refreshToken) return undefined;
    refreshing.current ??= refreshTokens(config, current.refreshToken)
      .then((tokens) => {
        const next = sessionFromTokens(tokens, current.email, Date.now());
        writeSession(window.sessionStorage, next);
        sessionRef.current = next;
        setSession(next);
        return next.accessToken;
      })
      .catch(() => undefined)
      .finally(() => {
        refreshing.current = undefined;
      });
    return refreshing.current;
  }, [config]);

  const meRef = useRef(me);
  meRef.current = me;
  const apiRef = useRef<LanternApi>(undefined);
  /** The API answered 403 elevation_required: sign in again with a code, then come back here. */
  const stepUp = useCallback(async () => {
    window.sessionStorage.setItem(RETURN_TO_KEY, window.location.pathname + window.location.search);
    // A page's first call can be refused before GET /v1/me has answered: ask, rather than guess.
    const caller = meRef.current ?? (await apiRef.current?.me().catch(() => undefined));
    // Without an authenticator a new sign-in cannot elevate: set one up first.
    if (caller && !caller.mfaEnrolled) navigate('/authenticator?needed=1');
    else navigate('/sign-in?step-up=1');
  }, []);

  const api = useMemo(() => new LanternApi(token, () => signOut('Your session ended. Sign in again.'), () => void stepUp()), [token, signOut, stepUp]);
  apiRef.current = api;

  const reloadMe = useCallback(async () => {
    setMe(await api.me());
  }, [api]);

  useEffect(() => {
    if (session && !me) reloadMe().catch(() => undefined);
  }, [session, me, reloadMe]);

  const signedIn = useCallback(
    async (next: StoredSession) => {
      writeSession(window.sessionStorage, next);
      sessionRef.current = next;
      setSession(next);
      setMe(undefined);
      const returnTo = window.sessionStorage.getItem(RETURN_TO_KEY);
      window.sessionStorage.removeItem(RETURN_TO_KEY);
      navigate(returnTo?.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/', { replace: true });
    },
    [],
  );

  const active = Boolean(session);
  useEffect(() => {
    if (active) api.school().then(setSchool, () => undefined);
  }, [active, api]);

  const value: SessionContextValue = { config, session, me, school, api, signedIn, signOut, reloadMe };
  useIdleSignOut(active, school?.idleSignOutMinutes, signOut);

  const pathname = path.split('?')[0] ?? '/';
  const signingIn = pathname === '/sign-in';
  useEffect(() => {
    if (!session && !signingIn) {
      window.sessionStorage.setItem(RETURN_TO_KEY, path);
      navigate('/sign-in', { replace: true });
    }
  }, [session, signingIn, path]);

  let page: ReactNode;
  if (signingIn || !session) page = <SignInPage stepUp={path.includes('step-up=1')} />;
  else if (pathname === '/') page = <DashboardPage />;
  else if (pathname === '/record') page = <RecordConcernPage />;
  else if (pathname === '/authenticator') page = <AuthenticatorPage />;
  else if (pathname === '/dsl/recording-quality') page = <RecordingQualityPage />;
  else if (pathname === '/casework/triage') page = <TriagePage />;
  else if (pathname === '/casework/referrals') page = <ReferralsPage />;
  else if (pathname === '/casework/encompass') page = <EncompassPage />;
  else if (pathname.startsWith('/incidents/')) page = <IncidentPage incidentId={decodeURIComponent(pathname.slice('/incidents/'.length))} />;
  else if (pathname === '/pupils') page = <FindPupilPage />;
  else if (pathname.startsWith('/pupils/')) page = <PupilPage studentId={decodeURIComponent(pathname.slice('/pupils/'.length))} />;
  else if (pathname === '/reports') page = <ReportsPage />;
  else page = <NotFoundPage />;

  return (
    <SessionContext.Provider value={value}>
      <Layout>{page}</Layout>
    </SessionContext.Provider>
  );
}
