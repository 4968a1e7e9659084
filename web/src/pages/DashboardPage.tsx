import { useEffect, useRef, useState } from 'react';
import { useSession } from '../app/session';
import { Link, navigate } from '../app/router';
import { useLoad } from '../components/use-load';
import { formatDateTime } from '../components/format';
import type { Alert } from '../api/types';
import { asApiError } from '../api/api-error';
import { hasContent, loadDraft } from '../record/draft';
import { elevatableGroups } from '../../../shared/domain/identity/groups';

/** Seed 001's dashboard: my alerts (unread first), my recent incidents, my reminders. */
export function DashboardPage() {
  const { api, me } = useSession();
  const alerts = useLoad(() => api.alerts(), [api]);
  const incidents = useLoad(() => api.myIncidents(), [api]);
  const reminders = useLoad(() => api.myReminders(), [api]);
  const [actionError, setActionError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const draft = loadDraft(window.sessionStorage);

  const sorted = [...(alerts.data?.alerts ?? [])].sort((left, right) => Number(Boolean(left.readAt)) - Number(Boolean(right.readAt)) || (left.createdAt < right.createdAt ? 1 : -1));
  const unread = sorted.filter((alert) => !alert.readAt).length;

  const act = async (work: () => Promise<unknown>) => {
    setActionError(undefined);
    try {
      await work();
      await alerts.reload();
    } catch (caught) {
      setActionError(asApiError(caught, 'That did not work. Try again.').message);
    }
  };

  const open = async (alert: Alert) => {
    if (!alert.readAt) await api.markRead(alert.id).catch(() => undefined);
    navigate(`/incidents/${encodeURIComponent(alert.incidentId)}`);
  };

  return (
    <>
      <h1 className="govuk-heading-l" tabIndex={-1} ref={heading}>
        {me ? `Hello, ${me.givenName}` : 'Dashboard'}
      </h1>
      <p className="govuk-body">
        <Link to="/record" className="govuk-button govuk-!-margin-bottom-0">
          Record a concern
        </Link>
      </p>
      {draft && hasContent(draft) && (
        <div className="govuk-inset-text">
          You have a concern you have not submitted yet. <Link to="/record">Go back to it</Link>.
        </div>
      )}
      {me?.groups.some((group) => elevatableGroups.includes(group)) && !me.mfaEnrolled && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            To see pupils' histories you need an authenticator app. <Link to="/authenticator">Set one up</Link>.
          </strong>
        </div>
      )}

      <h2 className="govuk-heading-m" id="alerts-heading">
        My alerts{alerts.data ? ` (${unread} unread)` : ''}
      </h2>
      {actionError && (
        <p className="govuk-error-message" role="alert">
          {actionError}
        </p>
      )}
      {alerts.error && <p className="govuk-body">{alerts.error.message}</p>}
      {alerts.data && sorted.length === 0 && <p className="govuk-body">No alerts. When a colleague alerts you to an incident, it appears here.</p>}
      <ul className="lantern-list" aria-labelledby="alerts-heading" data-testid="alerts">
        {sorted.map((alert) => (
          <li key={alert.id} className={`lantern-list__item${alert.readAt ? '' : ' lantern-list__item--unread'}`} data-testid="alert" data-unread={alert.readAt ? 'false' : 'true'}>
            <p className="govuk-body govuk-!-margin-bottom-1">
              <strong className="govuk-tag govuk-!-margin-right-2">{alert.readAt ? (alert.acknowledgedAt ? 'Acknowledged' : 'Read') : 'Unread'}</strong>
              <strong>{alert.student.name}</strong> — {alert.kind === 'action' ? 'an action on an incident' : 'an incident'} from {alert.author.name}
            </p>
            <p className="govuk-body-s govuk-!-margin-bottom-1">
              {formatDateTime(alert.createdAt)} · {alert.categoryNames.join(', ')}
            </p>
            <div className="lantern-list__actions">
              <button type="button" className="govuk-button" onClick={() => void open(alert)}>
                Open<span className="govuk-visually-hidden"> the incident about {alert.student.name}</span>
              </button>
              {!alert.readAt && (
                <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void act(() => api.markRead(alert.id))}>
                  Mark read<span className="govuk-visually-hidden"> (alert about {alert.student.name})</span>
                </button>
              )}
              {!alert.acknowledgedAt && (
                <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void act(() => api.acknowledge(alert.id))}>
                  Acknowledge<span className="govuk-visually-hidden"> (alert about {alert.student.name})</span>
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m" id="incidents-heading">
            My recent incidents
          </h2>
          {incidents.error && <p className="govuk-body">{incidents.error.message}</p>}
          {incidents.data && incidents.data.incidents.length === 0 && <p className="govuk-body">You have not recorded anything yet.</p>}
          <ul className="govuk-list" aria-labelledby="incidents-heading" data-testid="my-incidents">
            {incidents.data?.incidents.map((incident) => (
              <li key={incident.id}>
                <Link to={`/incidents/${encodeURIComponent(incident.id)}`}>
                  {incident.student.name} ({incident.student.yearGroup}) — {incident.categoryNames.join(', ')}
                </Link>
                <br />
                <span className="govuk-body-s">{formatDateTime(incident.occurredAt)}</span>
              </li>
            ))}
          </ul>
        </div>
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m" id="reminders-heading">
            My reminders
          </h2>
          {reminders.error && <p className="govuk-body">{reminders.error.message}</p>}
          {reminders.data && reminders.data.reminders.length === 0 && <p className="govuk-body">No reminders due.</p>}
          <ul className="govuk-list" aria-labelledby="reminders-heading" data-testid="my-reminders">
            {reminders.data?.reminders.map((reminder) => (
              <li key={`${reminder.incidentId}-${reminder.at}`}>
                <strong>{formatDateTime(reminder.at)}</strong>: {reminder.note || 'Follow up'} —{' '}
                <Link to={`/incidents/${encodeURIComponent(reminder.incidentId)}`}>{reminder.student.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </>
  );
}
