import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useSession } from '../app/session';
import { mayUse } from '../app/may-use';
import { asApiError, type ApiError } from '../api/api-error';
import { useLoad } from '../components/use-load';
import { formatDateTime } from '../components/format';
import { Typeahead } from '../components/Typeahead';
import { StaffChips } from '../components/StaffChips';
import { FieldError } from '../components/ErrorSummary';
import { useStaffSearch } from '../components/use-staff-search';
import type { Category, Incident, IncidentChangeBody } from '../api/types';
import { withMember, type StaffRef } from '../record/draft';
import { ReferralsSection } from './ReferralsSection';

const FIELD_NAMES: Record<string, string> = { categories: 'Categories', status: 'Status', outcome: 'Outcome', assignedTo: 'Assigned to', agencies: 'Agencies', reviewed: 'Reviewed' };

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return value.map((each) => (typeof each === 'object' && each && 'categoryId' in each ? String(each.categoryId) : String(each))).join(', ') || 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/**
 * What an elevated reader may do with an incident: review it, re-categorise, assign or close
 * it with a reason (DSLs), its version history and its referrals. Shown only once the API has
 * said the reader sees it elevated.
 */
export function IncidentCasework({ incident, reload }: { incident: Incident; reload: () => Promise<void> }) {
  const { api, me } = useSession();
  // Decisions on the record (review, re-categorise, assign, close, refer) are a DSL's.
  const isLead = mayUse(me, 'incidents.update');
  const { data: history, reload: reloadHistory } = useLoad(() => api.incidentHistory(incident.id), [api, incident.id]);
  const refresh = useCallback(async () => {
    await reload();
    await reloadHistory();
  }, [reload, reloadHistory]);

  return (
    <section aria-labelledby="casework-heading" data-testid="casework">
      <h2 className="govuk-heading-l" id="casework-heading">
        Casework
      </h2>
      {isLead && !incident.review && <ReviewForm incident={incident} onDone={refresh} />}
      {incident.review && (
        <p className="govuk-body" data-testid="reviewed">
          Reviewed by {incident.review.by.name}, {formatDateTime(incident.review.at)}
          {incident.review.note ? `: ${incident.review.note}` : ''}
        </p>
      )}
      {incident.outcome && (
        <p className="govuk-body" data-testid="outcome">
          Outcome: {incident.outcome}
        </p>
      )}
      {isLead && <ManageForm incident={incident} onDone={refresh} />}
      <h3 className="govuk-heading-m">Version history</h3>
      {history && (
        <ol className="govuk-list" data-testid="history">
          <li>
            Version 1: recorded by {history.recorded.by.name}, {formatDateTime(history.recorded.at)}
          </li>
          {history.versions.map((version) => (
            <li key={version.version}>
              Version {version.version}: {version.changedBy.name}, {formatDateTime(version.at)}. Reason: {version.reason}
              <ul className="govuk-list govuk-list--bullet">
                {version.changes.map((change) => (
                  <li key={change.field}>
                    {FIELD_NAMES[change.field] ?? change.field}: {describe(change.before)} → {describe(change.after)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      <ReferralsSection incidentId={incident.id} mayRefer={isLead} />
    </section>
  );
}

function ReviewForm({ incident, onDone }: { incident: Incident; onDone: () => Promise<void> }) {
  const { api } = useSession();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.reviewIncident(incident.id, note.trim() || undefined);
      await onDone();
    } catch (caught) {
      setError(asApiError(caught, 'That did not work. Try again.').message);
    }
  };
  return (
    <form onSubmit={submit} noValidate data-testid="review-form">
      <h3 className="govuk-heading-m">Review</h3>
      {error && (
        <p className="govuk-error-message" role="alert">
          {error}
        </p>
      )}
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="review-note">
          Note (optional)
        </label>
        <textarea className="govuk-textarea" id="review-note" rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      <button type="submit" className="govuk-button">
        Mark reviewed
      </button>
    </form>
  );
}

function ManageForm({ incident, onDone }: { incident: Incident; onDone: () => Promise<void> }) {
  const { api } = useSession();
  const [catalogue, setCatalogue] = useState<Category[]>([]);
  const [chosen, setChosen] = useState<string[]>(() => incident.categories.map((category) => category.categoryId));
  const [status, setStatus] = useState(incident.status);
  const [outcome, setOutcome] = useState('');
  const [assigned, setAssigned] = useState<readonly StaffRef[]>(() => incident.assignedTo.map((member) => ({ id: member.id, name: member.name })));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    api.categories().then((list) => setCatalogue(list.categories), () => undefined);
  }, [api]);
  const searchStaff = useStaffSearch();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    const before = incident.categories.map((category) => category.categoryId);
    const body: IncidentChangeBody = { expectedVersion: incident.version, reason };
    if (chosen.join() !== before.join()) {
      body.categories = chosen.map((categoryId) => {
        const kept = incident.categories.find((category) => category.categoryId === categoryId);
        return { categoryId, subCategoryIds: kept ? kept.subCategories.map((sub) => sub.id) : [], fields: (kept?.fields ?? {}) as Record<string, string> };
      });
    }
    if (status !== incident.status) body.status = status;
    if (status === 'closed' && status !== incident.status) body.outcome = outcome;
    if (assigned.map((member) => member.id).join() !== incident.assignedTo.map((member) => member.id).join()) body.assignedTo = assigned.map((member) => member.id);
    try {
      await api.changeIncident(incident.id, body);
      setReason('');
      setOutcome('');
      setSaved(true);
      await onDone();
    } catch (caught) {
      setError(asApiError(caught, 'That did not work. Try again.'));
    }
  };
  const messagesFor = (field: string) => error?.issues.filter((issue) => issue.field === field || issue.field.startsWith(`${field}.`)).map((issue) => issue.message) ?? [];
  const general = error && (error.issues.length === 0 || error.status === 409) ? error.message : undefined;

  return (
    <form onSubmit={submit} noValidate data-testid="manage-form">
      <h3 className="govuk-heading-m">Re-categorise, assign or close</h3>
      {saved && (
        <p className="govuk-body" role="status">
          Saved as a new version.
        </p>
      )}
      {general && (
        <p className="govuk-error-message" role="alert">
          {general}
        </p>
      )}
      <div className={`govuk-form-group${messagesFor('categories').length ? ' govuk-form-group--error' : ''}`}>
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Categories</legend>
          <FieldError id="manage-categories" messages={messagesFor('categories')} />
          <div className="govuk-checkboxes govuk-checkboxes--small">
            {catalogue.map((category) => (
              <div className="govuk-checkboxes__item" key={category.id}>
                <input
                  className="govuk-checkboxes__input"
                  id={`manage-category-${category.id}`}
                  type="checkbox"
                  checked={chosen.includes(category.id)}
                  onChange={(event) => setChosen((current) => (event.target.checked ? [...current, category.id] : current.filter((each) => each !== category.id)))}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={`manage-category-${category.id}`}>
                  {category.name}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Status</legend>
          <div className="govuk-radios govuk-radios--small govuk-radios--inline">
            {(['active', 'closed'] as const).map((value) => (
              <div className="govuk-radios__item" key={value}>
                <input className="govuk-radios__input" id={`manage-status-${value}`} type="radio" name="status" checked={status === value} onChange={() => setStatus(value)} />
                <label className="govuk-label govuk-radios__label" htmlFor={`manage-status-${value}`}>
                  {value === 'active' ? 'Active' : 'Closed'}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      {status === 'closed' && incident.status !== 'closed' && (
        <div className={`govuk-form-group${messagesFor('outcome').length ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor="manage-outcome">
            Outcome (needed to close)
          </label>
          <FieldError id="manage-outcome" messages={messagesFor('outcome')} />
          <textarea className="govuk-textarea" id="manage-outcome" rows={2} value={outcome} onChange={(event) => setOutcome(event.target.value)} />
        </div>
      )}
      <div className="govuk-form-group">
        <StaffChips people={assigned} noun="assigned" onRemove={(id) => setAssigned((current) => current.filter((each) => each.id !== id))} />
        <Typeahead id="manage-assign" label="Assign to a member of staff (they are alerted)" search={searchStaff} onChoose={(member) => setAssigned((current) => withMember(current, member))} />
      </div>
      <div className={`govuk-form-group${messagesFor('reason').length ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor="manage-reason">
          Reason for the change
        </label>
        <FieldError id="manage-reason" messages={messagesFor('reason')} />
        <textarea className="govuk-textarea" id="manage-reason" rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
      </div>
      <button type="submit" className="govuk-button">
        Save changes
      </button>
    </form>
  );
}
