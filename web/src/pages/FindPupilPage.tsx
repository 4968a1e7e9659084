import { useState, type FormEvent } from 'react';
import { useSession } from '../app/session';
import { Link } from '../app/router';
import { asApiError, type ApiError } from '../api/api-error';
import type { FoundPupil } from '../api/types';

const STATUS_LABELS: Record<FoundPupil['status'], string> = { on_roll: 'On roll', left: 'Left', archived: 'Archived (leaver)' };

/** An elevated DSL finds a pupil's file by name, leavers too when they ask (they are never offered for recording). */
export function FindPupilPage() {
  const { api } = useSession();
  const [query, setQuery] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [found, setFound] = useState<FoundPupil[]>();
  const [error, setError] = useState<ApiError>();
  const search = async (event: FormEvent) => {
    event.preventDefault();
    if (!query.trim()) return;
    try {
      setFound(await api.findPupils(query.trim(), includeArchived));
      setError(undefined);
    } catch (caught) {
      setError(asApiError(caught, 'Something went wrong. Try again.'));
    }
  };
  return (
    <>
      <h1 className="govuk-heading-l">Find a pupil</h1>
      <form onSubmit={search} aria-label="Find a pupil">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="find-pupil-name">
            Forename or surname
          </label>
          <input id="find-pupil-name" className="govuk-input govuk-input--width-20" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
        </div>
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <div className="govuk-checkboxes__item">
              <input id="find-pupil-leavers" type="checkbox" className="govuk-checkboxes__input" checked={includeArchived} onChange={(event) => setIncludeArchived(event.target.checked)} />
              <label className="govuk-label govuk-checkboxes__label" htmlFor="find-pupil-leavers">
                Include leavers (archived pupils)
              </label>
            </div>
          </div>
        </div>
        <button type="submit" className="govuk-button">
          Search
        </button>
      </form>
      {error && <p className="govuk-body">{error.elevationRequired ? 'Sign in with your authenticator code to find pupils.' : error.message}</p>}
      {found && (found.length === 0 ? <p className="govuk-body">No pupil matches.</p> : (
        <ul className="govuk-list" data-testid="found-pupils">
          {found.map((pupil) => (
            <li key={pupil.id}>
              <Link to={`/pupils/${encodeURIComponent(pupil.id)}`}>{pupil.name}</Link> — {pupil.yearGroup}, {pupil.className} <strong className={`govuk-tag${pupil.status === 'on_roll' ? '' : ' govuk-tag--grey'}`}>{STATUS_LABELS[pupil.status]}</strong>
            </li>
          ))}
        </ul>
      ))}
    </>
  );
}
