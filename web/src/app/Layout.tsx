import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from './router';
import { useSession } from './session';
import { isBlankScreenShortcut, BLANK_SCREEN_SHORTCUT_LABEL } from './blank-screen';

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
                {session && (
                  <>
                    <li>
                      <Link to="/" className="govuk-link lantern-header__link">
                        Dashboard
                      </Link>
                    </li>
                    <li>
                      <Link to="/record" className="govuk-link lantern-header__link">
                        Record a concern
                      </Link>
                    </li>
                    {me?.groups.includes('dsl') && (
                      <>
                        <li>
                          <Link to="/casework/triage" className="govuk-link lantern-header__link">
                            Triage
                          </Link>
                        </li>
                        <li>
                          <Link to="/pupils" className="govuk-link lantern-header__link">
                            Pupils
                          </Link>
                        </li>
                        <li>
                          <Link to="/casework/referrals" className="govuk-link lantern-header__link">
                            Referrals
                          </Link>
                        </li>
                        <li>
                          <Link to="/dsl/recording-quality" className="govuk-link lantern-header__link">
                            Recording quality
                          </Link>
                        </li>
                      </>
                    )}
                    {me?.groups.some((group) => group === 'dsl' || group === 'slt') && (
                      <li>
                        <Link to="/reports" className="govuk-link lantern-header__link">
                          Reports
                        </Link>
                      </li>
                    )}
                    <li>
                      <Link to="/authenticator" className="govuk-link lantern-header__link">
                        Authenticator
                      </Link>
                    </li>
                  </>
                )}
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
