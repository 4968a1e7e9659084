import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSession } from '../app/session';
import { asApiError, type ApiError } from '../api/api-error';
import type { AuthenticatorSetupView } from '../api/types';
import { QrCode } from '../components/QrCode';
import { ErrorSummary, FieldError } from '../components/ErrorSummary';
import { Link } from '../app/router';

/**
 * Enrol an authenticator app (seed 001's "Soft Key Setup"): scan the QR code, type the
 * code it shows. From the next sign-in Lantern asks for a code, and a DSL signed in with
 * one is elevated.
 */
export function AuthenticatorPage() {
  const { api, me, reloadMe } = useSession();
  const [setup, setSetup] = useState<AuthenticatorSetupView>();
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves to the new heading when the step changes
  useEffect(() => heading.current?.focus(), [done]);

  const start = async () => {
    setError(undefined);
    try {
      setSetup(await api.setUpAuthenticator());
    } catch (caught) {
      setError(asApiError(caught, 'That did not work. Try again.'));
    }
  };

  const verify = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api.verifyAuthenticator(code.trim());
      setDone(true);
      await reloadMe();
    } catch (caught) {
      setError(asApiError(caught, 'That did not work. Try again.'));
    }
  };

  const codeErrors = error?.issues.filter((issue) => issue.field === 'code').map((issue) => issue.message);
  const codeMessages = codeErrors && codeErrors.length > 0 ? codeErrors : error && error.status === 422 ? [error.message] : undefined;

  if (done) {
    return (
      <>
        <h1 className="govuk-heading-l" tabIndex={-1} ref={heading}>
          Your authenticator is set up
        </h1>
        <p className="govuk-body" data-testid="enrolled">
          From your next sign-in Lantern will ask for a code from the app. To see more as a DSL or senior leader, sign out and in again with a code.
        </p>
        <p className="govuk-body">
          <Link to="/">Back to your dashboard</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <ErrorSummary items={error ? [{ message: codeMessages ? `Code: ${codeMessages.join(' ')}` : error.message, controlId: setup ? 'code' : undefined }] : []} />
      <h1 className="govuk-heading-l" tabIndex={-1} ref={heading}>
        Set up an authenticator app
      </h1>
      {window.location.search.includes('needed=1') && (
        <div className="govuk-inset-text" data-testid="authenticator-needed">
          What you opened needs you to be elevated: signed in recently with a code from an authenticator app. Set one up here, then sign out and in again with a code.
        </div>
      )}
      {me?.mfaEnrolled && <p className="govuk-body">You already have an authenticator. Setting up a new one replaces it.</p>}
      <p className="govuk-body">
        An authenticator app (such as Microsoft Authenticator or Google Authenticator) on your phone shows a new 6-digit code every 30 seconds. DSLs and senior leaders need one to see pupils'
        histories.
      </p>
      {!setup ? (
        <button type="button" className="govuk-button" onClick={() => void start()}>
          Start
        </button>
      ) : (
        <>
          <h2 className="govuk-heading-m">1. Scan this code with the app</h2>
          <QrCode text={setup.otpauthUri} label="QR code for your authenticator app" />
          <details className="govuk-details govuk-!-margin-top-4">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">I cannot scan the code</span>
            </summary>
            <div className="govuk-details__text">
              In the app, choose to enter a setup key and type: <code data-testid="totp-secret">{setup.secret}</code>
            </div>
          </details>
          <h2 className="govuk-heading-m">2. Type the code the app shows</h2>
          <form onSubmit={verify} noValidate>
            <div className={`govuk-form-group${codeMessages ? ' govuk-form-group--error' : ''}`}>
              <label className="govuk-label" htmlFor="code">
                6-digit code
              </label>
              <FieldError id="code" messages={codeMessages} />
              <input className="govuk-input govuk-input--width-10" id="code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(event) => setCode(event.target.value)} />
            </div>
            <button type="submit" className="govuk-button">
              Confirm
            </button>
          </form>
        </>
      )}
    </>
  );
}
