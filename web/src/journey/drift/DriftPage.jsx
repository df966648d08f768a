// Budgets' drift: every agreed budget next to its indicative budget with the
// difference and the reason, totals that reconcile with the rows (computed by
// the server under the filters in the address), a chart by client group, and
// the rows as CSV and XLSX.
import { useState } from 'preact/hooks';
import { api } from '../../shared/api.js';
import { BarChart } from '../../shared/BarChart.jsx';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../../shared/components.jsx';
import { useLoad } from '../../shared/data.js';
import { ExportButtons } from '../../shared/ExportButtons.jsx';
import { formatDate, formatPence } from '../../shared/format.js';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { setQuery, useLocation } from '../../shared/router.js';
import { codeLabel, personPath } from '../records.jsx';

export function DriftPage() {
  return (
    <RequireAllowed action="budgets.read_drift" title="Budgets’ drift">
      <Drift />
    </RequireAllowed>
  );
}

const SHOW = 100;

const DECIDED_BY = { team_manager: 'Team manager', resource_allocation_group: 'Resource Allocation Group', equipment: 'Equipment only' };

// The drift answer's rows as a table for CSV and XLSX (shared/exports.js).
export function driftTable(rows, totals, notes) {
  return {
    name: 'budgets-drift',
    title: 'Budgets’ drift: agreed personal budgets against indicative budgets',
    sheet: 'Budgets’ drift',
    notes,
    columns: [
      { title: 'Person id', kind: 'number', value: (row) => row.person_id },
      { title: 'Given name', kind: 'text', value: (row) => row.given_name },
      { title: 'Family name', kind: 'text', value: (row) => row.family_name },
      { title: 'Client group', kind: 'code', value: (row) => codeLabel('client_group', row.client_group) },
      { title: 'Locality', kind: 'text', value: (row) => row.locality },
      { title: 'Start', kind: 'date', value: (row) => row.start },
      { title: 'Decided by', kind: 'code', value: (row) => DECIDED_BY[row.decided_by] || row.decided_by },
      { title: 'Indicative a year', kind: 'money', value: (row) => row.indicative_annual_pence },
      { title: 'Agreed a year', kind: 'money', value: (row) => row.agreed_annual_pence },
      { title: 'Difference', kind: 'money', value: (row) => row.difference_pence },
      { title: 'Reason', kind: 'text', value: (row) => row.reason },
    ],
    rows,
    totals: totals ? { 0: null, 1: 'Total', 7: totals.compared.indicative_annual_pence, 8: totals.agreed_annual_pence, 9: totals.compared.difference_pence } : undefined,
  };
}

const filterPath = (group, locality) => {
  const query = new URLSearchParams();
  if (group) query.set('client_group', group);
  if (locality) query.set('locality', locality);
  const text = query.toString();
  return `/budgets/drift${text ? `?${text}` : ''}`;
};

function Drift() {
  // The filters live in the address, so a reload or a shared link keeps them.
  const { query } = useLocation();
  const group = query.get('client_group') || '';
  const locality = query.get('locality') || '';
  const order = query.get('order') === 'difference' ? 'difference' : 'name';
  // Every budget once, for the filters' choices; the rows and totals come from the server filtered.
  const everyone = useLoad(() => api.get('/budgets/drift'), 'drift-all');
  // Each answer carries the filters it was asked with, so rows from an earlier
  // filter are never shown (or exported) under a new one.
  const key = `${group}|${locality}`;
  const drift = useLoad(async () => ({ key, body: await api.get(filterPath(group, locality)) }), key);
  const ready = !drift.loading && drift.data && drift.data.key === key;
  const choices = everyone.data && Array.isArray(everyone.data.budgets) ? everyone.data.budgets : ready ? drift.data.body.budgets || [] : [];
  // The filters stay on the page while new rows load, so the keyboard keeps its place.
  const groups = [...new Set([...choices.map((row) => row.client_group), ...(group ? [group] : [])])].sort();
  const localities = [...new Set([...choices.map((row) => row.locality), ...(locality ? [locality] : [])])].sort();
  return (
    <>
      <PageTitle>Budgets’ drift</PageTitle>
      <p class="lead">Every agreed personal budget next to the indicative budget the RAS gave. The indicative budget is a starting point, never a cap; a reason is recorded for every difference.</p>
      <div class="filters__row no-print">
        <div class="field">
          <label for="drift-group">Client group</label>
          <select id="drift-group" value={group} onChange={(event) => setQuery({ client_group: event.currentTarget.value })}>
            <option value="">Every client group</option>
            {groups.map((code) => (
              <option key={code} value={code}>
                {codeLabel('client_group', code)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="drift-locality">Locality</label>
          <select id="drift-locality" value={locality} onChange={(event) => setQuery({ locality: event.currentTarget.value })}>
            <option value="">Every locality</option>
            {localities.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="drift-order">Order</label>
          <select id="drift-order" value={order} onChange={(event) => setQuery({ order: event.currentTarget.value === 'difference' ? 'difference' : '' })}>
            <option value="name">By name</option>
            <option value="difference">Largest difference first</option>
          </select>
        </div>
      </div>
      {drift.error ? (
        <ErrorMessage error={drift.error} title="Budgets could not be loaded" />
      ) : ready ? (
        <DriftResults key={key} answer={drift.data.body} order={order} group={group} locality={locality} />
      ) : (
        <Loading what="Loading agreed budgets" />
      )}
    </>
  );
}

function DriftResults({ answer, order, group, locality }) {
  const [all, setAll] = useState(false);
  const rows = Array.isArray(answer.budgets) ? [...answer.budgets] : [];
  if (order === 'difference') rows.sort((a, b) => Math.abs(b.difference_pence ?? 0) - Math.abs(a.difference_pence ?? 0));
  const totals = answer.totals;
  const compared = totals.compared;
  const without = totals.without_indicative;
  const notes = [group ? `Client group: ${codeLabel('client_group', group)}` : 'Every client group', locality ? `Locality: ${locality}` : 'Every locality'];
  const shown = all ? rows : rows.slice(0, SHOW);
  return (
    <>
      <dl class="headline" data-testid="drift-totals">
        <div>
          <dt>People</dt>
          <dd data-testid="total-people">{Number(totals.people).toLocaleString('en-GB')}</dd>
        </div>
        <div>
          <dt>Agreed a year</dt>
          <dd data-testid="total-agreed">{formatPence(totals.agreed_annual_pence)}</dd>
        </div>
        <div>
          <dt>Indicative a year</dt>
          <dd data-testid="total-indicative">{formatPence(compared.indicative_annual_pence)}</dd>
        </div>
        <div>
          <dt>Agreed against it</dt>
          <dd data-testid="total-compared-agreed">{formatPence(compared.agreed_annual_pence)}</dd>
        </div>
        <div>
          <dt>Difference</dt>
          <dd data-testid="total-difference">{formatPence(compared.difference_pence)}</dd>
        </div>
      </dl>
      <p class="small drift-totals-note" data-testid="drift-totals-note">
        The difference is the agreed amount minus the indicative budget for the {compared.people.toLocaleString('en-GB')} {compared.people === 1 ? 'budget' : 'budgets'} with an indicative budget.
        {without.people
          ? ` ${without.people.toLocaleString('en-GB')} ${without.people === 1 ? 'budget was' : 'budgets were'} agreed with no indicative budget (equipment only, before any assessment): ${formatPence(without.agreed_annual_pence)}, counted in the agreed total only.`
          : ''}
      </p>
      <ExportButtons table={driftTable(rows, totals, notes)} what={group || locality ? 'these budgets' : 'every budget'} />
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
              <tr key={row.person_id} data-decided-by={row.decided_by}>
                <td>
                  <a href={personPath(row.person_id)}>
                    {row.given_name} {row.family_name}
                  </a>
                </td>
                <td>{codeLabel('client_group', row.client_group)}</td>
                <td>{row.locality}</td>
                <td>{formatDate(row.start)}</td>
                <td class="num">{row.indicative_annual_pence === null || row.indicative_annual_pence === undefined ? <span class="muted">none (equipment only)</span> : formatPence(row.indicative_annual_pence)}</td>
                <td class="num">{formatPence(row.agreed_annual_pence)}</td>
                <td class="num">{formatPence(row.difference_pence)}</td>
                <td class="wrap">{row.reason}</td>
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
