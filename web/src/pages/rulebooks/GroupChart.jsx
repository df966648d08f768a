// An inline SVG bar chart: current cost, indicative total and protection needed
// for each client group. The same figures are in the table above it.
import { formatPence } from '../../format.js';

const SERIES = [
  { key: 'total_current_pence', label: 'Current cost', className: 'bar-current' },
  { key: 'total_indicative_pence', label: 'Indicative total', className: 'bar-indicative' },
  { key: 'protection_needed_pence', label: 'Protection needed', className: 'bar-protection' },
];

export function GroupChart({ rows }) {
  if (!rows.length) return null;
  const max = Math.max(1, ...rows.flatMap((row) => SERIES.map((series) => Number(row[series.key]) || 0)));
  const labelWidth = 150;
  const barHeight = 14;
  const groupGap = 14;
  const chartWidth = 600;
  const plotWidth = chartWidth - labelWidth - 110;
  const groupHeight = SERIES.length * barHeight + groupGap;
  const height = rows.length * groupHeight + 10;
  return (
    <figure class="chart">
      <figcaption>Money a year by client group</figcaption>
      <ul class="chart-key" aria-hidden="true">
        {SERIES.map((series) => (
          <li key={series.key}>
            <span class={`swatch ${series.className}`} /> {series.label}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${chartWidth} ${height}`} role="img" aria-label="Bar chart of current cost, indicative total and protection needed by client group; the table above has the same figures" class="chart-svg">
        {rows.map((row, row_idx) => {
          const top = row_idx * groupHeight + 5;
          return (
            <g key={row.label}>
              <text x={labelWidth - 8} y={top + (SERIES.length * barHeight) / 2 + 4} text-anchor="end" class="chart-label">
                {row.label.length > 20 ? row.label.slice(0, 19) + '…' : row.label}
              </text>
              {SERIES.map((series, series_idx) => {
                const value = Number(row[series.key]) || 0;
                const width = Math.max(value > 0 ? 1 : 0, (value / max) * plotWidth);
                const y = top + series_idx * barHeight;
                return (
                  <g key={series.key}>
                    <rect x={labelWidth} y={y} width={width} height={barHeight - 2} class={series.className}>
                      <title>{`${row.label}, ${series.label}: ${formatPence(value)}`}</title>
                    </rect>
                    <text x={labelWidth + width + 4} y={y + barHeight - 4} class="chart-value">
                      {formatPence(value).replace(/\.\d\d$/, '')}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
