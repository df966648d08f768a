// Overspends flagged to a budget's managers the moment a posting or a change to
// commitments took it (or one of its lines) over budget, and when it came back
// within budget: who made the change, when, and the figures, with exports.
import { api } from '../shared/api.js';
import { ErrorMessage, Loading } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { formatDate } from '../shared/format.js';
import { DataTable } from './exports.jsx';

export function AlertsSection({ budgetId, name = 'overspend-alerts' }) {
  const path = budgetId ? `/budget-alerts?budget=${encodeURIComponent(budgetId)}` : '/budget-alerts';
  const loaded = useLoad(() => api.get(path), path);
  if (loaded.loading) return <Loading what="Loading overspend alerts" />;
  if (loaded.error) return <ErrorMessage error={loaded.error} title="Overspend alerts could not be loaded" />;
  const alerts = loaded.data.alerts || [];
  const standing = alerts.filter((alert) => alert.current && alert.kind === 'overspend');
  const table = {
    name,
    header: ['When', 'Budget', 'Line', 'Alert', 'Still standing', 'Recorded by', 'Runs it', 'Accountable'],
    rows: alerts.map((a) => [
      formatDate(a.at),
      a.budget,
      a.line || 'the whole budget',
      a.message,
      a.current && a.kind === 'overspend' ? 'yes' : 'no',
      a.recorded_by,
      a.managed_by_agency,
      a.accountable_agency,
    ]),
  };
  return (
    <section aria-labelledby={`${name}-heading`} data-testid={name}>
      <h2 id={`${name}-heading`}>Overspend alerts</h2>
      {standing.length ? (
        <div class="notice" role="status" data-testid={`${name}-standing`}>
          <p>
            {standing.length === 1 ? 'One overspend is' : `${standing.length} overspends are`} flagged to the managers now:
          </p>
          <ul>
            {standing.map((alert) => (
              <li key={alert.id}>{alert.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p>No overspend is flagged now.</p>
      )}
      {alerts.length ? <DataTable table={table} caption={`Every overspend alert (${alerts.length}), newest first`} testid={`${name}-table`} label="Export alerts" /> : null}
    </section>
  );
}
