import { useSession } from '../app/session';
import { Link } from '../app/router';
import { useLoad } from '../components/use-load';
import { formatDateTime } from '../components/format';
import { ElevatedOnly } from '../casework/ElevatedOnly';

/** Referrals waiting for an agency's answer, soonest due first, so the overdue ones lead. */
export function ReferralsPage() {
  const { api } = useSession();
  const { data, error } = useLoad(() => api.referrals('open'), [api]);
  const referrals = data ? [...data.referrals].sort((left, right) => Number(right.overdue) - Number(left.overdue)) : [];
  return (
    <>
      <h1 className="govuk-heading-l">Referrals</h1>
      <ElevatedOnly error={error} loaded={data !== undefined}>
        {referrals.length === 0 && <p className="govuk-body">No referral is waiting for an answer.</p>}
        {referrals.length > 0 && (
          <table className="govuk-table" data-testid="referral-list">
            <caption className="govuk-table__caption govuk-table__caption--m">Waiting for an answer, overdue first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Pupil</th>
                <th scope="col" className="govuk-table__header">Agency</th>
                <th scope="col" className="govuk-table__header">Response due</th>
                <th scope="col" className="govuk-table__header">State</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {referrals.map((referral) => (
                <tr className="govuk-table__row" key={referral.id}>
                  <td className="govuk-table__cell">
                    <Link to={`/incidents/${encodeURIComponent(referral.incidentId)}`}>{referral.student.name}</Link>
                  </td>
                  <td className="govuk-table__cell">{referral.agencyName}</td>
                  <td className="govuk-table__cell">
                    {formatDateTime(referral.responseDueAt)}
                    {referral.overdue && <strong className="govuk-tag govuk-tag--red lantern-tag-gap">Overdue</strong>}
                  </td>
                  <td className="govuk-table__cell">{referral.state === 'made' ? 'Made' : 'Acknowledged'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ElevatedOnly>
    </>
  );
}
