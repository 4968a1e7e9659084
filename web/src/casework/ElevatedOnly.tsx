import type { ReactNode } from 'react';
import type { ApiError } from '../api/api-error';

/**
 * Casework pages show nothing until the API has answered: a 403 elevation_required has
 * already sent the user to step up (useLoad) and brings them back here afterwards.
 */
export function ElevatedOnly({ error, loaded, children }: { error?: ApiError; loaded: boolean; children: ReactNode }) {
  if (error?.elevationRequired) return <p className="govuk-body">This needs a recent sign-in with your authenticator. Taking you to sign in…</p>;
  if (error) return <p className="govuk-body">{error.status === 403 ? 'Your role does not give you this page.' : error.message}</p>;
  if (!loaded) return <p className="govuk-body">Checking your access…</p>;
  return <>{children}</>;
}
