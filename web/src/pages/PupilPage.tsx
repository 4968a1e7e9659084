import { useState, type FormEvent } from 'react';
import { useSession } from '../app/session';
import { useLoad } from '../components/use-load';
import { formatDateTime, roleLabel } from '../components/format';
import { Link } from '../app/router';
import { PeriodFilters, type Period } from '../components/PeriodFilters';
import { mayUse } from '../app/may-use';
import type { ChronologyEntryView } from '../api/types';
import { agencyName, referralStateName } from '../casework/agencies';
import { ExportChronology } from '../casework/ExportChronology';

const FLAG_NAMES: Record<string, string> = {
  child_protection_plan: 'Child protection plan',
  child_in_need: 'Child in need',
  looked_after: 'Looked after',
  previously_looked_after: 'Previously looked after',
  early_help: 'Early help',
  ehcp_sen: 'EHCP / SEN',
  young_carer: 'Young carer',
  operation_encompass: 'Operation Encompass notification',
};

/** A pupil's file and chronology for an elevated DSL (SLT: their categories only). */
export function PupilPage({ studentId }: { studentId: string }) {
  const { api, me } = useSession();
  const { data: file, error, reload } = useLoad(() => api.pupilFile(studentId), [api, studentId]);
  const { data: categories } = useLoad(() => api.categories(), [api]);
  const [filters, setFilters] = useState<Period>({ from: '', to: '', categoryId: '' });
  const [cursor, setCursor] = useState<string>();
  const { data: page } = useLoad(() => api.chronology(studentId, { ...filters, cursor, limit: '50' }), [api, studentId, filters, cursor]);
  const names = new Map((categories?.categories ?? []).map((category) => [category.id, category.name]));
  const categoryNames = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id).join(', ');

  if (error) {
    return (
      <>
        <h1 className="govuk-heading-l">Pupil</h1>
        <p className="govuk-body">{error.status === 404 ? 'There is no such pupil.' : error.elevationRequired ? 'Sign in with your authenticator code to see this pupil.' : error.message}</p>
      </>
    );
  }
  if (!file) return <p className="govuk-body">Loading…</p>;
  const { student } = file;
  const describe = (entry: ChronologyEntryView) => {
    if (entry.kind === 'incident')
      return (
        <>
          <Link to={`/incidents/${encodeURIComponent(entry.incidentId)}`}>{categoryNames(entry.incidentCategoryIds)}</Link> — {entry.role === 'subject' ? 'about this pupil' : roleLabel(entry.role)} ({entry.status === 'closed' ? 'closed' : 'open'})
          <br />
          {entry.summary}
        </>
      );
    if (entry.kind === 'action') return <>Action: {entry.text}</>;
    if (entry.kind === 'referral')
      return (
        <>
          Referral to {entry.agencyName ?? agencyName(entry.agency)}
          {entry.reference ? ` (${entry.reference})` : ''}, made {formatDateTime(entry.madeAt)}: {referralStateName(entry.state)}
          {entry.outcome ? ` — ${entry.outcome.text}` : ''} (<Link to={`/incidents/${encodeURIComponent(entry.incidentId)}`}>incident</Link>)
        </>
      );
    return <>Flags changed: {entry.reason}</>;
  };
  return (
    <>
      <h1 className="govuk-heading-l">
        {student.givenName} {student.familyName}
      </h1>
      <dl className="govuk-summary-list">
        {[
          ['UPN', student.upn],
          ['Date of birth', student.dateOfBirth],
          ['Year and class', `${student.yearGroup}, ${student.className}`],
          ['Status', student.status.replace('_', ' ')],
          ...(file.safeguarding?.keyAdult ? [['Key adult', file.safeguarding.keyAdult.name]] : []),
          ...(file.safeguarding?.nhsNumber ? [['NHS number', file.safeguarding.nhsNumber]] : []),
          ['Incidents', `${file.incidentCount}${file.hiddenIncidents ? ` (${file.hiddenIncidents} in categories you cannot see)` : ''}`],
        ].map(([term, value]) => (
          <div key={term} className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{term}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      {file.safeguarding && (
        <>
          <h2 className="govuk-heading-m">Safeguarding flags</h2>
          {file.safeguarding.flags.length === 0 ? (
            <p className="govuk-body">No flags.</p>
          ) : (
            <ul className="govuk-list govuk-list--bullet">
              {file.safeguarding.flags.map((flag) => (
                <li key={`${flag.kind}-${flag.label ?? ''}-${flag.startDate}`}>
                  {flag.kind === 'school' ? flag.label : FLAG_NAMES[flag.kind]}: from {flag.startDate}
                  {flag.endDate ? ` to ${flag.endDate}` : ''} — {flag.reason}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {mayUse(me, 'students.update') && <LeaverControl studentId={studentId} archived={student.status === 'archived'} onChanged={reload} />}
      <h2 className="govuk-heading-m">By category</h2>
      <ul className="govuk-list">
        {file.countsByCategory.map((count) => (
          <li key={count.categoryId}>
            {count.name}: {count.count}
          </li>
        ))}
      </ul>
      <h2 className="govuk-heading-m">Open incidents</h2>
      {file.openIncidents.length === 0 ? (
        <p className="govuk-body">None open.</p>
      ) : (
        <ul className="govuk-list" data-testid="open-incidents">
          {file.openIncidents.map((brief) => (
            <li key={brief.incidentId}>
              <Link to={`/incidents/${encodeURIComponent(brief.incidentId)}`}>{categoryNames(brief.categoryIds) || 'Incident'}</Link>, {formatDateTime(brief.occurredAt)}
              {brief.role === 'subject' ? '' : ` (${roleLabel(brief.role)})`}
            </li>
          ))}
        </ul>
      )}
      {file.mostLinkedPupils.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Pupils most often on the same incidents</h2>
          <ul className="govuk-list">
            {file.mostLinkedPupils.map((linked) => (
              <li key={linked.studentId}>
                <Link to={`/pupils/${encodeURIComponent(linked.studentId)}`}>{linked.name}</Link>: {linked.count}
              </li>
            ))}
          </ul>
        </>
      )}
      {mayUse(me, 'students.exports.create') && <ExportChronology studentId={studentId} categories={categories?.categories} />}
      <h2 className="govuk-heading-m">Chronology</h2>
      <PeriodFilters
        idPrefix="chronology"
        initial={filters}
        categories={categories?.categories}
        allCategoriesLabel="All"
        submitLabel="Filter"
        formLabel="Filter the chronology"
        onApply={(period) => {
          setCursor(undefined);
          setFilters(period);
        }}
      />
      {page && (
        <>
          {page.hiddenCount > 0 && <p className="govuk-inset-text">{page.hiddenCount === 1 ? '1 entry hidden' : `${page.hiddenCount} entries hidden`}: in categories you cannot see.</p>}
          <ol className="lantern-timeline" data-testid="chronology">
            {page.entries.map((entry) => (
              <li key={entry.kind === 'action' ? entry.actionId : entry.kind === 'referral' ? entry.referralId : entry.kind === 'incident' ? entry.incidentId : `flags-${entry.version}`} className="lantern-timeline__entry">
                <p className="govuk-body-s govuk-!-margin-bottom-1">{formatDateTime(entry.kind === 'flags' ? entry.at : entry.kind === 'action' ? entry.createdAt : entry.kind === 'referral' ? entry.madeAt : entry.occurredAt)}</p>
                <p className="govuk-body">{describe(entry)}</p>
              </li>
            ))}
          </ol>
          {page.entries.length === 0 && <p className="govuk-body">Nothing in this period.</p>}
          {page.nextCursor && (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setCursor(page.nextCursor)}>
              Later entries
            </button>
          )}
        </>
      )}
    </>
  );
}

/** A DSL archives a leaver (kept, found by DSLs, gone from the recording search) or restores them, saying why. */
function LeaverControl({ studentId, archived, onChanged }: { studentId: string; archived: boolean; onChanged: () => Promise<void> }) {
  const { api } = useSession();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setProblem('Say why.');
      return;
    }
    try {
      await api.changePupilStatus(studentId, { status: archived ? 'on_roll' : 'archived', reason: reason.trim() });
      setReason('');
      setProblem(undefined);
      await onChanged();
    } catch (caught) {
      setProblem(caught instanceof Error ? caught.message : 'Something went wrong. Try again.');
    }
  };
  return (
    <form onSubmit={submit} aria-label={archived ? 'Restore to the roll' : 'Archive as a leaver'}>
      <div className={`govuk-form-group${problem ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor="leaver-reason">
          {archived ? 'Why is this pupil back on roll?' : 'Why is this pupil leaving? (They stay on file and DSLs can still find them.)'}
        </label>
        {problem && (
          <p id="leaver-reason-error" className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {problem}
          </p>
        )}
        <input id="leaver-reason" className="govuk-input" value={reason} onChange={(event) => setReason(event.target.value)} {...(problem ? { 'aria-describedby': 'leaver-reason-error' } : {})} />
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary">
        {archived ? 'Restore to roll' : 'Archive as a leaver'}
      </button>
    </form>
  );
}
