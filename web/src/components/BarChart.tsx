/**
 * A bar chart drawn as SVG, with the table behind it: the SVG is one labelled image for
 * screen readers, and the table gives every number to everyone. No inline styles (the CSP).
 */
export function BarChart({ title, rows }: { title: string; rows: readonly { label: string; value: number }[] }) {
  const widest = Math.max(1, ...rows.map((row) => row.value));
  const barHeight = 22;
  const labelWidth = 160;
  const chartWidth = 420;
  const height = rows.length * (barHeight + 6) + 6;
  const description = rows.map((row) => `${row.label}: ${row.value}`).join(', ');
  return (
    <figure className="lantern-chart">
      <figcaption className="govuk-heading-s">{title}</figcaption>
      <svg role="img" aria-label={`${title}. ${description || 'No incidents'}`} viewBox={`0 0 ${labelWidth + chartWidth + 50} ${Math.max(height, 30)}`} className="lantern-chart__svg">
        {rows.map((row, index) => {
          const y = 6 + index * (barHeight + 6);
          const width = (row.value / widest) * chartWidth;
          return (
            <g key={row.label}>
              <text x={labelWidth - 8} y={y + barHeight * 0.7} textAnchor="end" className="lantern-chart__label">
                {row.label}
              </text>
              <rect x={labelWidth} y={y} width={width} height={barHeight} className="lantern-chart__bar" />
              <text x={labelWidth + width + 6} y={y + barHeight * 0.7} className="lantern-chart__label">
                {row.value}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">{title} as a table</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {title.replace(/^Incidents by /, '')}
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Incidents
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row) => (
            <tr key={row.label} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {row.label}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
