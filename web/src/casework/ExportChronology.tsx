import { useState, type FormEvent } from 'react';
import { useSession } from '../app/session';
import { formatDateTime } from '../components/format';
import type { Category, ExportRequestBody, ExportStartedView } from '../api/types';
import { ApiError } from '../api/api-error';

/** The start of the school year a date falls in (1 September), as YYYY-MM-DD. */
function schoolYearStart(today: Date): string {
  const year = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
  return `${year}-09-01`;
}
const isoDay = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/**
 * A DSL exports the pupil's chronology (issue 13): PDF or JSON, a date range, categories
 * (none ticked: every category open to them), and whether other pupils' and staff names are
 * redacted. The API stores the document and answers a link that works for 15 minutes.
 */
export function ExportChronology({ studentId, categories }: { studentId: string; categories: readonly Category[] | undefined }) {
  const { api } = useSession();
  const today = new Date();
  const [format, setFormat] = useState<ExportRequestBody['format']>('pdf');
  const [redact, setRedact] = useState<ExportRequestBody['redact']>('third-parties');
  const [from, setFrom] = useState(schoolYearStart(today));
  const [to, setTo] = useState(isoDay(today));
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ field?: string; message: string }>();
  const [done, setDone] = useState<ExportStartedView>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    setDone(undefined);
    try {
      setDone(await api.exportChronology(studentId, { format, redact, from, to, ...(chosen.length > 0 ? { categories: [...chosen] } : {}) }));
    } catch (caught) {
      const issue = caught instanceof ApiError ? caught.issues[0] : undefined;
      setProblem({ ...(issue?.field ? { field: issue.field } : {}), message: issue?.message ?? (caught instanceof Error ? caught.message : 'Something went wrong. Try again.') });
    } finally {
      setBusy(false);
    }
  };
  const errorFor = (field: string) =>
    problem?.field === field ? (
      <p id={`export-${field}-error`} className="govuk-error-message">
        <span className="govuk-visually-hidden">Error:</span> {problem.message}
      </p>
    ) : null;

  return (
    <section aria-labelledby="export-heading">
      <h2 className="govuk-heading-m" id="export-heading">
        Export the chronology
      </h2>
      <p className="govuk-body">For a child protection conference, a strategy meeting, Ofsted or a solicitor. Every export is recorded in the audit trail.</p>
      <form onSubmit={submit} aria-label="Export the chronology" noValidate>
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Format</legend>
            <div className="govuk-radios govuk-radios--small govuk-radios--inline">
              {(
                [
                  ['pdf', 'PDF document'],
                  ['json', 'JSON data'],
                ] as const
              ).map(([value, label]) => (
                <div key={value} className="govuk-radios__item">
                  <input className="govuk-radios__input" id={`export-format-${value}`} name="export-format" type="radio" value={value} checked={format === value} onChange={() => setFormat(value)} />
                  <label className="govuk-label govuk-radios__label" htmlFor={`export-format-${value}`}>
                    {label}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className={`govuk-form-group${problem?.field === 'from' || problem?.field === 'to' ? ' govuk-form-group--error' : ''}`}>
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Dates</legend>
            {errorFor('from')}
            {errorFor('to')}
            <div className="lantern-inline-fields">
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor="export-from">
                  From
                </label>
                <input className="govuk-input govuk-input--width-10" id="export-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
              </div>
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor="export-to">
                  To
                </label>
                <input className="govuk-input govuk-input--width-10" id="export-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} />
              </div>
            </div>
          </fieldset>
        </div>
        <div className={`govuk-form-group${problem?.field?.startsWith('categories') ? ' govuk-form-group--error' : ''}`}>
          <fieldset className="govuk-fieldset" aria-describedby="export-categories-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Categories</legend>
            <div id="export-categories-hint" className="govuk-hint">
              Tick none for every category you can see.
            </div>
            {problem?.field?.startsWith('categories') && (
              <p className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {problem.message}
              </p>
            )}
            <div className="govuk-checkboxes govuk-checkboxes--small">
              {(categories ?? []).map((category) => (
                <div key={category.id} className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id={`export-category-${category.id}`}
                    type="checkbox"
                    checked={chosen.includes(category.id)}
                    onChange={(event) => setChosen(event.target.checked ? [...chosen, category.id] : chosen.filter((id) => id !== category.id))}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={`export-category-${category.id}`}>
                    {category.name}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Redaction</legend>
            <div className="govuk-radios govuk-radios--small">
              {(
                [
                  ['third-parties', "Redact third parties: other pupils become [pupil 1], [pupil 2]…, staff their job titles"],
                  ['none', 'No redaction: every name as recorded'],
                ] as const
              ).map(([value, label]) => (
                <div key={value} className="govuk-radios__item">
                  <input className="govuk-radios__input" id={`export-redact-${value}`} name="export-redact" type="radio" value={value} checked={redact === value} onChange={() => setRedact(value)} />
                  <label className="govuk-label govuk-radios__label" htmlFor={`export-redact-${value}`}>
                    {label}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        {problem && !problem.field && (
          <p className="govuk-error-message" role="alert">
            <span className="govuk-visually-hidden">Error:</span> {problem.message}
          </p>
        )}
        <button type="submit" className="govuk-button" disabled={busy}>
          {busy ? 'Exporting…' : 'Export'}
        </button>
      </form>
      {done && (
        <div className="govuk-inset-text" role="status" data-testid="export-ready">
          <p className="govuk-body">
            Your export is ready: {done.incidents} {done.incidents === 1 ? 'incident' : 'incidents'}
            {done.hiddenCount > 0 ? ` (${done.hiddenCount} more in categories you cannot see left out)` : ''}
            {done.redact === 'third-parties' ? `, ${done.redactions} ${done.redactions === 1 ? 'name' : 'names'} redacted` : ''}.
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href={done.url} download={done.fileName} rel="noreferrer">
              Download {done.fileName}
            </a>{' '}
            (the link works until {formatDateTime(done.expiresAt)}).
          </p>
        </div>
      )}
    </section>
  );
}
