import { useState } from 'react';
import { useSession } from '../app/session';
import { useLoad } from '../components/use-load';
import { BarChart } from '../components/BarChart';
import { PeriodFilters, type Period } from '../components/PeriodFilters';
import { agencyName, referralStateName } from '../casework/agencies';

const CHARTS = [
  { groupBy: 'category', title: 'Incidents by category' },
  { groupBy: 'month', title: 'Incidents by month' },
  { groupBy: 'dayOfWeek', title: 'Incidents by day of week' },
  { groupBy: 'session', title: 'Incidents by session' },
  { groupBy: 'location', title: 'Incidents by location' },
  { groupBy: 'yearGroup', title: 'Incidents by year group' },
] as const;

/** The school year the date falls in: 1 September to 31 August. */
function schoolYearOf(today: Date) {
  const year = today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  return { from: `${year}-09-01`, to: `${year + 1}-08-31` };
}

/** Reports for meetings, governors and Ofsted: counts limited to the categories open to the reader. */
export function ReportsPage() {
  const { api } = useSession();
  const [filters, setFilters] = useState<Period>({ ...schoolYearOf(new Date()), categoryId: '' });
  const { data: categories } = useLoad(() => api.categories(), [api]);
  const { data: reports, error } = useLoad(
    () => Promise.all(CHARTS.map((chart) => api.reportSummary({ ...filters, groupBy: chart.groupBy, categoryId: filters.categoryId || undefined }))),
    [api, filters],
  );
  const names = new Map((categories?.categories ?? []).map((category) => [category.id, category.name]));
  return (
    <>
      <h1 className="govuk-heading-l">Reports</h1>
      <PeriodFilters idPrefix="report" initial={filters} categories={categories?.categories} allCategoriesLabel="All categories you may see" submitLabel="Show" onApply={setFilters} />
      {error && !error.elevationRequired && <p className="govuk-error-message">{error.message}</p>}
      {reports && (
        <>
          <p className="govuk-body" data-testid="report-totals">
            {reports[0]!.total} incidents: {reports[0]!.open} open, {reports[0]!.closed} closed.
            {reports[0]!.timeliness.medianMinutesAtMost !== undefined && ` Half were recorded within ${reports[0]!.timeliness.medianMinutesAtMost} minutes, nine in ten within ${reports[0]!.timeliness.p90MinutesAtMost ?? 'more than a month of'} minutes.`}
          </p>
          {CHARTS.map((chart, index) => (
            <BarChart key={chart.groupBy} title={chart.title} rows={reports[index]!.groups.map((group) => ({ label: chart.groupBy === 'category' ? (names.get(group.key) ?? group.key) : group.key, value: group.total }))} />
          ))}
          <h2 className="govuk-heading-m">Referrals to agencies</h2>
          {reports[0]!.referrals.length === 0 ? (
            <p className="govuk-body">No referrals from these incidents.</p>
          ) : (
            <table className="govuk-table" data-testid="report-referrals">
              <caption className="govuk-table__caption govuk-table__caption--s">Referrals made from the incidents above, by agency and where they stand</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Agency
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Where it stands
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Referrals
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {reports[0]!.referrals.map((row) => (
                  <tr key={`${row.agency}-${row.state}`} className="govuk-table__row">
                    <td className="govuk-table__cell">{agencyName(row.agency)}</td>
                    <td className="govuk-table__cell">{referralStateName(row.state)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{row.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}
