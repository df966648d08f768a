// A grouped horizontal bar chart in inline SVG: one group of bars per row, one
// bar per series, money labels at the bar ends and a tooltip per bar. The pages
// show the same figures in a table; `label` is the chart's text for screen readers.
import { formatPence } from './format.js';

export function BarChart({ caption, label, series, rows, testId }) {
  if (!rows.length) return null;
  const max = Math.max(1, ...rows.flatMap((row) => series.map((item) => Number(row[item.key]) || 0)));
  const labelWidth = 160;
  const barHeight = 14;
  const chartWidth = 640;
  const plotWidth = chartWidth - labelWidth - 110;
  const groupHeight = series.length * barHeight + 14;
  const height = rows.length * groupHeight + 10;
  return (
    <figure class="chart" data-testid={testId}>
      <figcaption>{caption}</figcaption>
      <ul class="chart-key" aria-hidden="true">
        {series.map((item) => (
          <li key={item.key}>
            <span class={`swatch ${item.className}`} /> {item.label}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${chartWidth} ${height}`} role="img" aria-label={label} class="chart-svg">
        {rows.map((row, row_idx) => {
          const top = row_idx * groupHeight + 5;
          return (
            <g key={row.label}>
              <text x={labelWidth - 8} y={top + (series.length * barHeight) / 2 + 4} text-anchor="end" class="chart-label">
                {row.label.length > 22 ? row.label.slice(0, 21) + '…' : row.label}
              </text>
              {series.map((item, series_idx) => {
                const value = Number(row[item.key]) || 0;
                const width = Math.max(value > 0 ? 1 : 0, (value / max) * plotWidth);
                const y = top + series_idx * barHeight;
                return (
                  <g key={item.key}>
                    <rect x={labelWidth} y={y} width={width} height={barHeight - 2} class={item.className}>
                      <title>{`${row.label}, ${item.label}: ${formatPence(value)}`}</title>
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
