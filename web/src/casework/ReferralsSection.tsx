import { useState, type FormEvent } from 'react';
import { useSession } from '../app/session';
import { asApiError, type ApiError } from '../api/api-error';
import { useLoad } from '../components/use-load';
import { formatDateTime } from '../components/format';
import type { Referral } from '../api/types';
import { AGENCIES } from './agencies';


/** The datetime-local control's value for now, in the device's time. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** An incident's referrals, and (for DSLs) recording one or its answer. */
export function ReferralsSection({ incidentId, mayRefer }: { incidentId: string; mayRefer: boolean }) {
  const { api } = useSession();
  const { data, reload } = useLoad(() => api.incidentReferrals(incidentId), [api, incidentId]);
  const [agency, setAgency] = useState<(typeof AGENCIES)[number][0]>('childrens_social_care');
  const [agencyName, setAgencyName] = useState('');
  const [madeAt, setMadeAt] = useState(localNow);
  const [reference, setReference] = useState('');
  const [error, setError] = useState<ApiError>();
  const [recorded, setRecorded] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setRecorded(false);
    try {
      await api.recordReferral(incidentId, {
        agency,
        ...(agency === 'other' && agencyName ? { agencyName } : {}),
        madeAt: new Date(madeAt).toISOString(),
        ...(reference.trim() ? { reference: reference.trim() } : {}),
      });
      setReference('');
      setRecorded(true);
      await reload();
    } catch (caught) {
      setError(asApiError(caught, 'That did not work. Try again.'));
    }
  };

  return (
    <>
      <h3 className="govuk-heading-m" id="referrals-heading">
        Referrals
      </h3>
      {data && data.referrals.length === 0 && <p className="govuk-body">No referrals from this incident.</p>}
      {data && data.referrals.length > 0 && (
        <ul className="lantern-list" aria-labelledby="referrals-heading" data-testid="referrals">
          {data.referrals.map((referral) => (
            <ReferralItem key={referral.id} referral={referral} mayAnswer={mayRefer} onChanged={reload} />
          ))}
        </ul>
      )}
      {mayRefer && (
        <form onSubmit={submit} noValidate data-testid="referral-form">
          <h4 className="govuk-heading-s">Record a referral</h4>
          {recorded && (
            <p className="govuk-body" role="status">
              Referral recorded.
            </p>
          )}
          {error && (
            <p className="govuk-error-message" role="alert">
              {error.message}
            </p>
          )}
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="referral-agency">
              Agency
            </label>
            <select className="govuk-select" id="referral-agency" value={agency} onChange={(event) => setAgency(event.target.value as typeof agency)}>
              {AGENCIES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          {agency === 'other' && (
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="referral-agency-name">
                Which agency
              </label>
              <input className="govuk-input" id="referral-agency-name" value={agencyName} onChange={(event) => setAgencyName(event.target.value)} />
            </div>
          )}
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="referral-made-at">
              When it was made
            </label>
            <input className="govuk-input govuk-input--width-20" id="referral-made-at" type="datetime-local" value={madeAt} onChange={(event) => setMadeAt(event.target.value)} />
          </div>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="referral-reference">
              Reference (optional)
            </label>
            <input className="govuk-input govuk-input--width-20" id="referral-reference" value={reference} onChange={(event) => setReference(event.target.value)} />
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary">
            Record referral
          </button>
        </form>
      )}
    </>
  );
}

function ReferralItem({ referral, mayAnswer, onChanged }: { referral: Referral; mayAnswer: boolean; onChanged: () => Promise<void> }) {
  const { api } = useSession();
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<string>();
  const change = async (body: { state: 'acknowledged' } | { state: 'outcome'; outcome: string }) => {
    try {
      await api.changeReferral(referral.incidentId, referral.id, body);
      await onChanged();
    } catch (caught) {
      setError(asApiError(caught, 'That did not work. Try again.').message);
    }
  };
  return (
    <li className="lantern-list__item">
      <p className="govuk-body govuk-!-margin-bottom-1">
        {referral.agencyName}, made {formatDateTime(referral.madeAt)} by {referral.madeBy.name}
        {referral.reference ? ` (ref. ${referral.reference})` : ''}. Response due {formatDateTime(referral.responseDueAt)}.
        {referral.overdue && <strong className="govuk-tag govuk-tag--red lantern-tag-gap">Overdue</strong>}
      </p>
      <p className="govuk-body-s">
        {referral.state === 'outcome' && referral.outcome ? `Outcome: ${referral.outcome.text}` : referral.state === 'acknowledged' ? 'Acknowledged; waiting for the outcome.' : 'Made; waiting for the agency.'}
      </p>
      {error && (
        <p className="govuk-error-message" role="alert">
          {error}
        </p>
      )}
      {mayAnswer && referral.state !== 'outcome' && (
        <div className="govuk-form-group">
          {referral.state === 'made' && (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => change({ state: 'acknowledged' })}>
              Mark acknowledged
            </button>
          )}
          <label className="govuk-label" htmlFor={`referral-outcome-${referral.id}`}>
            The agency's outcome
          </label>
          <textarea className="govuk-textarea" id={`referral-outcome-${referral.id}`} rows={2} value={outcome} onChange={(event) => setOutcome(event.target.value)} />
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => change({ state: 'outcome', outcome })}>
            Record outcome
          </button>
        </div>
      )}
    </li>
  );
}
