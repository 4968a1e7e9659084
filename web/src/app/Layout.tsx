import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from './router';
import { useSession } from './session';
import { isBlankScreenShortcut, BLANK_SCREEN_SHORTCUT_LABEL } from './blank-screen';
import { mayUse } from './may-use';
import type { RouteId } from '../../../shared/api/routes';

/** The signed-in navigation: a page with a route is offered to those the permission table lets call it. */
const NAVIGATION: readonly { readonly to: string; readonly label: string; readonly routeId?: RouteId }[] = [
  { to: '/', label: 'Dashboard' },
  { to: '/record', label: 'Record a concern' },
  { to: '/casework/triage', label: 'Triage', routeId: 'triage.list' },
  { to: '/pupils', label: 'Pupils', routeId: 'students.find' },
  { to: '/casework/referrals', label: 'Referrals', routeId: 'referrals.list' },
  { to: '/casework/encompass', label: 'Operation Encompass', routeId: 'encompass.list' },
  { to: '/dsl/recording-quality', label: 'Recording quality', routeId: 'reports.recordingQuality' },
  { to: '/reports', label: 'Reports', routeId: 'reports.summary' },
  { to: '/authenticator', label: 'Authenticator' },
];

/**
 * Header, navigation and the blank screen. Blanking hides the whole app at once (staff
 * record with children in the room) without losing what was typed; "Show Lantern" or the
 * same shortcut brings it back.
 */
export function Layout({ children }: { children: ReactNode }) {
  const { session, me, signOut } = useSession();
  const [blank, setBlank] = useState(false);
  const showButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isBlankScreenShortcut(event)) return;
      event.preventDefault();
      setBlank((current) => !current);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (blank) showButton.current?.focus();
  }, [blank]);

  return (
    <>
      <div className={blank ? 'lantern-hidden' : undefined} hidden={blank} data-testid="app-content">
        <a href="#main-content" className="govuk-skip-link">
          Skip to main content
        </a>
        <header className="lantern-header">
          <div className="govuk-width-container lantern-header__inner">
            <a href="/" className="lantern-header__name">
              Lantern
            </a>
            <nav aria-label="Main">
              <ul className="lantern-header__nav">
                {session &&
                  NAVIGATION.filter((item) => !item.routeId || mayUse(me, item.routeId)).map((item) => (
                    <li key={item.to}>
                      <Link to={item.to} className="govuk-link lantern-header__link">
                        {item.label}
                      </Link>
                    </li>
                  ))}
                <li>
                  <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setBlank(true)} aria-keyshortcuts="Alt+Shift+B">
                    Blank screen <span className="govuk-visually-hidden">({BLANK_SCREEN_SHORTCUT_LABEL})</span>
                  </button>
                </li>
                {session && (
                  <li>
                    <button type="button" className="govuk-button govuk-button--warning" onClick={() => signOut()}>
                      Sign out
                    </button>
                  </li>
                )}
              </ul>
            </nav>
            {me && (
              <p className="govuk-body-s lantern-header__who">
                Signed in as {me.displayName}
                {me.elevated ? ' · elevated' : ''}
              </p>
            )}
          </div>
        </header>
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
            {children}
          </main>
        </div>
      </div>
      {blank && (
        <div className="lantern-blank" data-testid="blank-screen">
          <button ref={showButton} type="button" className="govuk-button govuk-button--secondary" onClick={() => setBlank(false)}>
            Show Lantern
          </button>
        </div>
      )}
    </>
  );
}
