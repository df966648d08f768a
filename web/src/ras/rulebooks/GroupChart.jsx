// Current cost, indicative total and protection needed for each client group.
// The same figures are in the table above it.
import { BarChart } from '../../shared/BarChart.jsx';

const SERIES = [
  { key: 'total_current_pence', label: 'Current cost', className: 'bar-current' },
  { key: 'total_indicative_pence', label: 'Indicative total', className: 'bar-indicative' },
  { key: 'protection_needed_pence', label: 'Protection needed', className: 'bar-protection' },
];

export function GroupChart({ rows }) {
  return (
    <BarChart
      caption="Money a year by client group"
      label="Bar chart of current cost, indicative total and protection needed by client group; the table above has the same figures"
      series={SERIES}
      rows={rows}
    />
  );
}
