import { useState } from 'react';
import { useSession } from '../app/session';
import { Link } from '../app/router';
import { useLoad } from '../components/use-load';
import { formatDateTime } from '../components/format';
import { ElevatedOnly } from '../casework/ElevatedOnly';
import { asApiError } from '../api/api-error';
import type { EncompassNotificationView, FoundPupil } from '../api/types';

const howMatched: Record<NonNullable<EncompassNotificationView['match']>, string> = {
  upn: 'UPN',
  nhs_number: 'NHS number',
  name_and_date_of_birth: 'Name and date of birth',
  by_hand: 'By a DSL',
};

/**
 * Police Operation Encompass notifications (issue 16): the ones the roll could not match
 * first, each with a search to match it to a pupil by hand; then the recent matched ones.
 */
export function EncompassPage() {
  const { api } = useSession();
  const { data, error, reload } = useLoad(() => api.encompassNotifications(), [api]);
  const notifications = data?.notifications ?? [];
  const unmatched = notifications.filter((each) => each.status === 'unmatched');
  const matched = notifications.filter((each) => each.status === 'matched');
  return (
    <>
      <h1 className="govuk-heading-l">Operation Encompass</h1>
      <ElevatedOnly error={error} loaded={data !== undefined}>
        <h2 className="govuk-heading-m">Waiting to be matched</h2>
        {unmatched.length === 0 && <p className="govuk-body">Every notification from the police is matched to a pupil.</p>}
        <ul className="govuk-list" data-testid="encompass-unmatched">
          {unmatched.map((notification) => (
            <li key={notification.id} className="lantern-card">
              <UnmatchedNotification notification={notification} onMatched={reload} />
            </li>
          ))}
        </ul>
        <h2 className="govuk-heading-m">Matched</h2>
        {matched.length === 0 && <p className="govuk-body">None yet.</p>}
        {matched.length > 0 && (
          <table className="govuk-table" data-testid="encompass-matched">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Police reference</th>
                <th scope="col" className="govuk-table__header">Child</th>
                <th scope="col" className="govuk-table__header">For the school day</th>
                <th scope="col" className="govuk-table__header">Matched by</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {matched.map((notification) => (
                <tr className="govuk-table__row" key={notification.id}>
                  <td className="govuk-table__cell">{notification.policeReference}</td>
                  <td className="govuk-table__cell">
                    {notification.incidentId ? <Link to={`/incidents/${encodeURIComponent(notification.incidentId)}`}>{childName(notification)}</Link> : childName(notification)}
                  </td>
                  <td className="govuk-table__cell">{notification.forSchoolDay}</td>
                  <td className="govuk-table__cell">{notification.match ? howMatched[notification.match] : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ElevatedOnly>
    </>
  );
}

const childName = (notification: EncompassNotificationView) => `${notification.child.givenName} ${notification.child.familyName}`;

function UnmatchedNotification({ notification, onMatched }: { notification: EncompassNotificationView; onMatched: () => Promise<void> }) {
  const { api } = useSession();
  const [query, setQuery] = useState(notification.child.familyName);
  const [found, setFound] = useState<FoundPupil[]>();
  const [problem, setProblem] = useState<string>();
  const search = async () => {
    try {
      setFound(await api.findPupils(query, false));
      setProblem(undefined);
    } catch (caught) {
      setProblem(asApiError(caught, 'The search failed. Try again.').message);
    }
  };
  const match = async (studentId: string) => {
    try {
      await api.matchEncompass(notification.id, studentId);
      await onMatched();
    } catch (caught) {
      setProblem(asApiError(caught, 'It could not be matched. Try again.').message);
    }
  };
  return (
    <div data-testid={`encompass-${notification.id}`}>
      <h3 className="govuk-heading-s">
        {childName(notification)}, born {notification.child.dateOfBirth} <strong className="govuk-tag govuk-tag--red">{notification.unmatchedReason === 'ambiguous' ? 'More than one pupil' : 'No pupil found'}</strong>
      </h3>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Police reference</dt>
          <dd className="govuk-summary-list__value">{notification.policeReference}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Incident</dt>
          <dd className="govuk-summary-list__value">
            {formatDateTime(notification.occurredAt)}, {notification.location}; the child was {notification.childPresent ? '' : 'not '}present
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">For the school day</dt>
          <dd className="govuk-summary-list__value">{notification.forSchoolDay}</dd>
        </div>
      </dl>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={`encompass-search-${notification.id}`}>
          Find the pupil
        </label>
        <input className="govuk-input govuk-input--width-20" id={`encompass-search-${notification.id}`} value={query} onChange={(event) => setQuery(event.target.value)} />
        <button type="button" className="govuk-button govuk-button--secondary lantern-tag-gap" onClick={() => void search()}>
          Search
        </button>
      </div>
      {problem && <p className="govuk-error-message">{problem}</p>}
      {found && found.length === 0 && <p className="govuk-body">No pupil on roll has that name.</p>}
      {found && found.length > 0 && (
        <ul className="govuk-list">
          {found.map((pupil) => (
            <li key={pupil.id}>
              {pupil.name}, {pupil.yearGroup} {pupil.className}{' '}
              <button type="button" className="govuk-button govuk-!-margin-bottom-0" onClick={() => void match(pupil.id)}>
                Match to {pupil.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
