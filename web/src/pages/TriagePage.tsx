import { useSession } from '../app/session';
import { Link } from '../app/router';
import { useLoad } from '../components/use-load';
import { formatDateTime } from '../components/format';
import { ElevatedOnly } from '../casework/ElevatedOnly';

/** A DSL's start of the day: incidents nobody has reviewed yet, oldest first. */
export function TriagePage() {
  const { api } = useSession();
  const { data, error } = useLoad(() => api.triage(), [api]);
  return (
    <>
      <h1 className="govuk-heading-l">Triage</h1>
      <ElevatedOnly error={error} loaded={data !== undefined}>
        {data && data.incidents.length === 0 && <p className="govuk-body">Every incident has been reviewed.</p>}
        {data && data.incidents.length > 0 && (
          <table className="govuk-table" data-testid="triage-list">
            <caption className="govuk-table__caption govuk-table__caption--m">Waiting for a DSL, oldest first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Pupil</th>
                <th scope="col" className="govuk-table__header">Recorded</th>
                <th scope="col" className="govuk-table__header">By</th>
                <th scope="col" className="govuk-table__header">Categories</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {data.incidents.map((incident) => (
                <tr className="govuk-table__row" key={incident.id}>
                  <td className="govuk-table__cell">
                    <Link to={`/incidents/${encodeURIComponent(incident.id)}`}>{incident.student.name}</Link>
                  </td>
                  <td className="govuk-table__cell">{formatDateTime(incident.recordedAt)}</td>
                  <td className="govuk-table__cell">{incident.author.name}</td>
                  <td className="govuk-table__cell">{incident.categories.map((category) => category.name).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {data && data.hiddenCount > 0 && <p className="govuk-body-s">{data.hiddenCount} not shown: a category on them is not open to you.</p>}
      </ElevatedOnly>
    </>
  );
}
