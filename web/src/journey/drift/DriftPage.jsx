// Budgets' drift: every agreed budget next to its indicative budget with the
// difference and the reason, totals, a chart by client group and a CSV export.
import { useState } from 'preact/hooks';
import { api } from '../../shared/api.js';
import { BarChart } from '../../shared/BarChart.jsx';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../../shared/components.jsx';
import { useLoad } from '../../shared/data.js';
import { downloadText, formatDate, formatPence, toCsv, todayIso } from '../../shared/format.js';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { codeLabel, personPath } from '../records.jsx';

export function DriftPage() {
  return (
    <RequireAllowed action="budgets.read_drift" title="Budgets’ drift">
      <Drift />
    </RequireAllowed>
  );
}

const SHOW = 100;

function Drift() {
  const drift = useLoad(() => api.get('/budgets/drift'), 'drift');
  const [all, setAll] = useState(false);
  const [group, setGroup] = useState('');
  const [order, setOrder] = useState('name');
  if (drift.loading) return <Loading what="Loading agreed budgets" />;
  if (drift.error) return <ErrorMessage error={drift.error} title="Budgets could not be loaded" />;
  const everyRow = Array.isArray(drift.data.budgets) ? drift.data.budgets : [];
  const groups = [...new Set(everyRow.map((row) => row.client_group))].sort();
  const rows = everyRow.filter((row) => !group || row.client_group === group);
  if (order === 'difference') rows.sort((a, b) => Math.abs(b.difference_pence) - Math.abs(a.difference_pence));
  const sum = (key) => rows.reduce((total, row) => total + (Number(row[key]) || 0), 0);
  const totals = group
    ? { people: rows.length, indicative_annual_pence: sum('indicative_annual_pence'), agreed_annual_pence: sum('agreed_annual_pence'), difference_pence: sum('difference_pence') }
    : drift.data.totals || {};
  const exportCsv = () => {
    const header = ['person_id', 'given_name', 'family_name', 'client_group', 'locality', 'start', 'indicative_annual_pence', 'agreed_annual_pence', 'difference_pence', 'reason'];
    downloadText(`budgets-drift-${group ? `${group}-` : ''}${todayIso()}.csv`, toCsv([header, ...rows.map((row) => header.map((key) => row[key]))]));
  };
  const shown = all ? rows : rows.slice(0, SHOW);
  return (
    <>
      <PageTitle>Budgets’ drift</PageTitle>
      <p class="lead">Every agreed personal budget next to the indicative budget the RAS gave. The indicative budget is a starting point, never a cap; a reason is recorded for every difference.</p>
      <dl class="headline" data-testid="drift-totals">
        <div>
          <dt>People</dt>
          <dd>{Number(totals.people ?? rows.length).toLocaleString('en-GB')}</dd>
        </div>
        <div>
          <dt>Indicative a year</dt>
          <dd>{formatPence(totals.indicative_annual_pence)}</dd>
        </div>
        <div>
          <dt>Agreed a year</dt>
          <dd>{formatPence(totals.agreed_annual_pence)}</dd>
        </div>
        <div>
          <dt>Difference</dt>
          <dd>{formatPence(totals.difference_pence)}</dd>
        </div>
      </dl>
      <div class="filters__row no-print">
        <div class="field">
          <label for="drift-group">Client group</label>
          <select id="drift-group" value={group} onChange={(event) => setGroup(event.currentTarget.value)}>
            <option value="">Every client group</option>
            {groups.map((code) => (
              <option key={code} value={code}>
                {codeLabel('client_group', code)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="drift-order">Order</label>
          <select id="drift-order" value={order} onChange={(event) => setOrder(event.currentTarget.value)}>
            <option value="name">By name</option>
            <option value="difference">Largest difference first</option>
          </select>
        </div>
      </div>
      <p>
        <button type="button" class="button button--secondary" onClick={exportCsv} disabled={rows.length === 0}>
          Export {group ? 'these' : 'all'} as CSV
        </button>
      </p>
      <DriftChart rows={rows} />
      <TableWrap label="Agreed budgets against indicative budgets">
        <table class="data" data-testid="drift">
          <caption>
            Agreed budgets ({rows.length}
            {rows.length > shown.length ? `, first ${shown.length} shown` : ''})
          </caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Client group</th>
              <th scope="col">Locality</th>
              <th scope="col">Start</th>
              <th scope="col" class="num">Indicative</th>
              <th scope="col" class="num">Agreed</th>
              <th scope="col" class="num">Difference</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.person_id}>
                <td>
                  <a href={personPath(row.person_id)}>
                    {row.given_name} {row.family_name}
                  </a>
                </td>
                <td>{codeLabel('client_group', row.client_group)}</td>
                <td>{row.locality}</td>
                <td>{formatDate(row.start)}</td>
                <td class="num">{formatPence(row.indicative_annual_pence)}</td>
                <td class="num">{formatPence(row.agreed_annual_pence)}</td>
                <td class="num">{formatPence(row.difference_pence)}</td>
                <td>{row.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {rows.length > shown.length && (
        <p>
          <button type="button" class="button button--secondary" onClick={() => setAll(true)}>
            Show all {rows.length}
          </button>
        </p>
      )}
    </>
  );
}

const SERIES = [
  { key: 'indicative', label: 'Indicative', className: 'bar-indicative' },
  { key: 'agreed', label: 'Agreed', className: 'bar-current' },
];

function DriftChart({ rows }) {
  const groups = new Map();
  for (const row of rows) {
    const label = codeLabel('client_group', row.client_group) || 'Unknown';
    const group = groups.get(label) || { label, indicative: 0, agreed: 0 };
    group.indicative += Number(row.indicative_annual_pence) || 0;
    group.agreed += Number(row.agreed_annual_pence) || 0;
    groups.set(label, group);
  }
  const data = [...groups.values()];
  return (
    <BarChart
      caption="Indicative and agreed budgets a year by client group"
      label={data.map((row) => `${row.label}: indicative ${formatPence(row.indicative)}, agreed ${formatPence(row.agreed)}`).join('; ')}
      series={SERIES}
      rows={data}
      testId="drift-chart"
    />
  );
}
