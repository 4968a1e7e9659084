import { useEffect, useRef, useState } from 'react';
import { useSession } from '../app/session';
import { useLoad } from '../components/use-load';

/** "YYYY-MM" of a date, in the browser's time. */
const monthOf = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;

/**
 * The DSL workspace's recording-quality report (issue 14): findings per rule per month, so
 * the school can target training. Counts only: no author, pupil or text. Elevated DSLs.
 */
export function RecordingQualityPage() {
  const { api } = useSession();
  const now = new Date();
  const [to, setTo] = useState(monthOf(now));
  const [from, setFrom] = useState(monthOf(new Date(now.getFullYear(), now.getMonth() - 5, 1)));
  const { data: report, error } = useLoad(() => api.recordingQualityReport(from, to), [api, from, to]);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const totals = report ? report.rules.map(({ rule, title }) => ({ rule, title, findings: report.months.reduce((sum, month) => sum + (month.byRule.find((entry) => entry.rule === rule)?.findings ?? 0), 0) })) : [];

  return (
    <>
      <span className="govuk-caption-l">DSL workspace</span>
      <h1 className="govuk-heading-l" ref={headingRef} tabIndex={-1}>
        Recording quality
      </h1>
      <p className="govuk-body">What the recording advice still found when incidents were submitted, by rule and month: where training would help most. It never says who wrote what.</p>
      <div className="govuk-form-group lantern-inline-fields">
        <label className="govuk-label" htmlFor="report-from">
          From (month)
        </label>
        <input className="govuk-input govuk-input--width-10" id="report-from" type="month" value={from} onChange={(event) => event.target.value && setFrom(event.target.value)} />
        <label className="govuk-label" htmlFor="report-to">
          To (month)
        </label>
        <input className="govuk-input govuk-input--width-10" id="report-to" type="month" value={to} onChange={(event) => event.target.value && setTo(event.target.value)} />
      </div>
      {error && (
        <p className="govuk-error-message" role="alert">
          {error.message}
        </p>
      )}
      {report && (
        <>
          <FindingsChart totals={totals} />
          <table className="govuk-table" data-testid="quality-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Findings per rule per month</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Rule
                </th>
                {report.months.map((month) => (
                  <th key={month.month} scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {month.month}
                    <span className="govuk-visually-hidden"> ({month.incidentsRecorded} incidents recorded)</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {report.rules.map(({ rule, title }) => (
                <tr key={rule} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">
                    {title}
                  </th>
                  {report.months.map((month) => {
                    const entry = month.byRule.find((candidate) => candidate.rule === rule);
                    return (
                      <td key={month.month} className="govuk-table__cell govuk-table__cell--numeric">
                        {entry?.findings ?? 0}
                        <span className="govuk-visually-hidden"> findings in {entry?.incidents ?? 0} incidents</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  Incidents recorded
                </th>
                {report.months.map((month) => (
                  <td key={month.month} className="govuk-table__cell govuk-table__cell--numeric">
                    {month.incidentsRecorded}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

/** A horizontal bar per rule: findings over the period. The table holds the same figures. */
function FindingsChart({ totals }: { totals: readonly { rule: string; title: string; findings: number }[] }) {
  const largest = Math.max(1, ...totals.map((total) => total.findings));
  const rowHeight = 28;
  const labelWidth = 260;
  const barSpace = 300;
  return (
    <figure className="govuk-!-margin-0 govuk-!-margin-bottom-6">
      <svg className="lantern-chart" role="img" aria-labelledby="quality-chart-title" viewBox={`0 0 ${labelWidth + barSpace + 50} ${totals.length * rowHeight}`} width={labelWidth + barSpace + 50} data-testid="quality-chart">
        <title id="quality-chart-title">Findings per rule over the period: {totals.map((total) => `${total.title} ${total.findings}`).join('; ')}</title>
        {totals.map((total, index) => (
          <g key={total.rule} transform={`translate(0 ${index * rowHeight})`}>
            <text className="lantern-chart__label" x={labelWidth - 8} y={rowHeight / 2 + 4} textAnchor="end">
              {total.title}
            </text>
            <rect className="lantern-chart__bar" x={labelWidth} y={4} height={rowHeight - 8} width={(total.findings / largest) * barSpace} />
            <text className="lantern-chart__label" x={labelWidth + (total.findings / largest) * barSpace + 6} y={rowHeight / 2 + 4}>
              {total.findings}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="govuk-body-s">Findings per rule over the months shown; the table below gives each month.</figcaption>
    </figure>
  );
}
