import { useEffect, useRef, useState, type FormEvent } from 'react';
import { answerNewPassword, answerTotp, CognitoError, startSignIn, type SignInStep } from '../auth/cognito';
import { sessionFromTokens } from '../auth/session-store';
import { NOTICE_KEY, useSession } from '../app/session';
import { ErrorSummary } from '../components/ErrorSummary';

type Challenge = Exclude<SignInStep, { kind: 'signedIn' }>;

/**
 * Sign in with email and password; then, as Cognito asks, a new password on first sign-in
 * and the code from an enrolled authenticator. Stepping up is the same sign-in again, with
 * the code: the API then counts the session as elevated.
 */
export function SignInPage({ stepUp }: { stepUp: boolean }) {
  const { config, session, signedIn } = useSession();
  const [email, setEmail] = useState(session?.email ?? '');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [code, setCode] = useState('');
  const [challenge, setChallenge] = useState<Challenge>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [notice] = useState(() => {
    const text = window.sessionStorage.getItem(NOTICE_KEY) ?? undefined;
    window.sessionStorage.removeItem(NOTICE_KEY);
    return text;
  });
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves to the new heading when the challenge changes
  useEffect(() => heading.current?.focus(), [challenge]);

  const proceed = async (step: SignInStep) => {
    if (step.kind === 'signedIn') {
      await signedIn(sessionFromTokens(step.tokens, email.trim(), Date.now()));
      return;
    }
    setChallenge(step);
    setCode('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      if (!challenge) await proceed(await startSignIn(config, email.trim(), password));
      else if (challenge.kind === 'newPasswordRequired') await proceed(await answerNewPassword(config, challenge, newPassword));
      else await proceed(await answerTotp(config, challenge, code.trim()));
    } catch (caught) {
      setError(caught instanceof CognitoError ? caught.message : 'Lantern could not be reached. Check the connection and try again.');
    } finally {
      setBusy(false);
    }
  };

  const title = !challenge ? (stepUp ? 'Sign in again with your authenticator' : `Sign in to ${config.school.name}`) : challenge.kind === 'newPasswordRequired' ? 'Choose a new password' : 'Enter the code from your authenticator app';

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary items={error ? [{ message: error, controlId: !challenge ? 'email' : challenge.kind === 'newPasswordRequired' ? 'new-password' : 'code' }] : []} />
        {notice && !error && (
          <div className="govuk-inset-text" role="status">
            {notice}
          </div>
        )}
        <h1 className="govuk-heading-l" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {stepUp && !challenge && (
          <p className="govuk-body">
            What you asked for needs a recent sign-in with the code from your authenticator app. Sign in again; you will come back to where you were.
          </p>
        )}
        <form onSubmit={submit} noValidate>
          {!challenge && (
            <>
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor="email">
                  Email address
                </label>
                <input className="govuk-input" id="email" name="email" type="email" autoComplete="username" spellCheck={false} value={email} onChange={(event) => setEmail(event.target.value)} />
              </div>
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor="password">
                  Password
                </label>
                <input className="govuk-input" id="password" name="password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
              </div>
            </>
          )}
          {challenge?.kind === 'newPasswordRequired' && (
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="new-password">
                New password
              </label>
              <div className="govuk-hint" id="new-password-hint">
                This is your first sign-in. Choose a strong password only you know: at least 12 characters, with capital letters, numbers and punctuation.
              </div>
              <input
                className="govuk-input"
                id="new-password"
                type="password"
                autoComplete="new-password"
                aria-describedby="new-password-hint"
                value={newPassword}
                onChange={(event) => setNewPassword(event.target.value)}
              />
            </div>
          )}
          {challenge?.kind === 'totpRequired' && (
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="code">
                6-digit code
              </label>
              <div className="govuk-hint" id="code-hint">
                Open your authenticator app and type the code it shows for Lantern.
              </div>
              <input
                className="govuk-input govuk-input--width-10"
                id="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                aria-describedby="code-hint"
                value={code}
                onChange={(event) => setCode(event.target.value)}
              />
            </div>
          )}
          <button type="submit" className="govuk-button" disabled={busy}>
            {challenge ? 'Continue' : 'Sign in'}
          </button>
        </form>
      </div>
    </div>
  );
}
