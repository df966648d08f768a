// The monitoring trend: budget, committed, actual and forecast a month, drawn by
// uPlot (a small, well-kept time-series chart) on a canvas. The table beside it
// is its text alternative.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const SERIES = [
  { key: 'budget', label: 'Budget', stroke: '#505a5f', dash: [6, 4] },
  { key: 'committed', label: 'Committed', stroke: '#1d70b8' },
  { key: 'actual', label: 'Actual', stroke: '#00703c' },
  { key: 'forecast', label: 'Forecast', stroke: '#d4351c' },
];

// Cumulative pounds by month, so the lines show the year building up.
export function cumulative(values) {
  let running = 0;
  return values.map((pence) => (running += Number(pence) || 0) / 100);
}

export function TrendChart({ months, figures, title }) {
  const holder = useRef(null);
  useEffect(() => {
    if (!holder.current) return undefined;
    const xs = months.map((month) => Date.parse(`${month}-01T00:00:00Z`) / 1000);
    const data = [xs, ...SERIES.map((series) => cumulative(figures[series.key] || []))];
    const width = Math.max(320, Math.min(900, holder.current.clientWidth || 720));
    const chart = new uPlot(
      {
        title,
        width,
        height: 300,
        series: [{}, ...SERIES.map((series) => ({ label: series.label, stroke: series.stroke, width: 2, dash: series.dash }))],
        axes: [{}, { size: 80, values: (u, ticks) => ticks.map((tick) => `£${(tick / 1000).toLocaleString('en-GB')}k`) }],
      },
      data,
      holder.current,
    );
    return () => chart.destroy();
  }, [months, figures, title]);
  return <div class="budgets-chart" ref={holder} data-testid="trend-chart" role="img" aria-label={`${title}: cumulative budget, committed, actual and forecast by month`} />;
}
