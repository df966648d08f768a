// Monthly monitoring of one budget: budget, committed, actual, forecast and
// variance by month and by line, the trend chart, overspend flags, every table
// as CSV and XLSX, and the finance system's payments import with the lines that
// could not be matched.
import { useState } from 'preact/hooks';
import { api, request } from '../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { formatDate, formatPence } from '../shared/format.js';
import { can } from '../shared/permissions.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { useSession } from '../shared/session.js';
import { AlertsSection } from './AlertsSection.jsx';
import { ExportButtons, money } from './exports.jsx';
import { budgetPath, kindWords, monthLabel, ruleWords } from './format.js';
import { TrendChart } from './TrendChart.jsx';

export function MonitoringPage({ id }) {
  return (
    <RequireAllowed action="budgets.read" title="Budget monitoring">
      <Monitoring id={id} />
    </RequireAllowed>
  );
}

const Over = ({ pence }) => <span class={pence < 0 ? 'budgets-over' : ''}>{formatPence(pence)}</span>;

function Monitoring({ id }) {
  const session = useSession();
  const monitoring = useLoad(() => api.get(`/budgets/${id}/monitoring`), `monitoring-${id}`);
  if (monitoring.loading) return <Loading what="Loading the budget" />;
  if (monitoring.error) return <ErrorMessage error={monitoring.error} title="The budget could not be loaded" />;
  const m = monitoring.data;
  const b = m.budget;
  const t = m.total;
  const byMonth = {
    name: `monitoring-${b.code}-by-month`,
    header: ['Month', 'Budget (£)', 'Committed (£)', 'Actual (£)', 'Forecast (£)', 'Variance (£)'],
    rows: m.months.map((month, idx) => [month, money(t.budget[idx]), money(t.committed[idx]), money(t.actual[idx]), money(t.forecast[idx]), money(t.variance[idx])]),
  };
  const byLine = {
    name: `monitoring-${b.code}-by-line`,
    header: ['Line', 'Code', 'Kind', 'Budget (£)', 'Committed (£)', 'Actual (£)', 'Forecast (£)', 'Variance (£)', 'Overspent'],
    rows: m.lines.map((l) => [l.line.name, l.line.code, l.line.kind, money(l.budget_pence), money(l.committed_pence), money(l.actual_pence), money(l.forecast_pence), money(l.variance_pence), l.overspent ? 'yes' : 'no']),
  };
  return (
    <>
      <PageTitle>{b.name}</PageTitle>
      <p class="lead">
        {kindWords[b.kind] || b.kind} budget for {b.financial_year_label}, hosted by {b.host_agency}; run by {b.managed_by_agency}, accountable: {b.accountable_agency}
        {b.shadow_managed ? ' (shadow management)' : ''}
        {b.risk_share ? `; risk share ${ruleWords[b.risk_share]}` : ''}. Actuals to {formatDate(m.as_of)}; forecast outturn = actuals + remaining commitments.
      </p>
      <p class="no-print">
        <a href="/finance/budgets">All budgets</a>
        {b.kind === 'pooled' ? (
          <>
            {' · '}
            <a href={budgetPath(b.id, '/settlement')}>Risk-share settlement</a>
          </>
        ) : null}
        {' · '}
        <a href={budgetPath(b.id, '/protection')}>Protection fund</a>
        {' · '}
        <a href={budgetPath(b.id, '/balance-of-care')}>Balance of care</a>
      </p>
      {m.flags.length ? (
        <div class="notice" role="alert" data-testid="flags">
          {m.flags.map((flag) => (
            <p key={flag}>{flag}</p>
          ))}
        </div>
      ) : null}
      <AlertsSection budgetId={b.id} name="budget-alerts" />
      <dl class="headline" data-testid="monitoring-totals">
        <div>
          <dt>Budget</dt>
          <dd>{formatPence(t.budget_pence)}</dd>
        </div>
        <div>
          <dt>Committed</dt>
          <dd>{formatPence(t.committed_pence)}</dd>
        </div>
        <div>
          <dt>Actual</dt>
          <dd>{formatPence(t.actual_pence)}</dd>
        </div>
        <div>
          <dt>Forecast outturn</dt>
          <dd>{formatPence(t.forecast_pence)}</dd>
        </div>
        <div>
          <dt>Variance</dt>
          <dd data-testid="variance">
            <Over pence={t.variance_pence} />
          </dd>
        </div>
      </dl>
      <p>
        {m.commitments} agreed budgets commit into this budget; {formatPence(m.unallocated_pence)} is not allocated to a line; {m.unmatched_payments} payments are unmatched.
      </p>
      <TrendChart months={m.months} figures={t} title={`${b.name}: the year so far and forecast`} />
      <h2>By month</h2>
      <ExportButtons table={byMonth} label="Export by month" />
      <TableWrap label="By month">
        <table class="data" data-testid="by-month">
          <caption>Budget, committed, actual, forecast and variance by month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" class="num">Budget</th>
              <th scope="col" class="num">Committed</th>
              <th scope="col" class="num">Actual</th>
              <th scope="col" class="num">Forecast</th>
              <th scope="col" class="num">Variance</th>
            </tr>
          </thead>
          <tbody>
            {m.months.map((month, idx) => (
              <tr key={month}>
                <th scope="row">{monthLabel(month)}</th>
                <td class="num">{formatPence(t.budget[idx])}</td>
                <td class="num">{formatPence(t.committed[idx])}</td>
                <td class="num">{formatPence(t.actual[idx])}</td>
                <td class="num">{formatPence(t.forecast[idx])}</td>
                <td class="num">
                  <Over pence={t.variance[idx]} />
                </td>
              </tr>
            ))}
            <tr class="total">
              <th scope="row">Year</th>
              <td class="num">{formatPence(t.budget_pence)}</td>
              <td class="num">{formatPence(t.committed_pence)}</td>
              <td class="num">{formatPence(t.actual_pence)}</td>
              <td class="num">{formatPence(t.forecast_pence)}</td>
              <td class="num">
                <Over pence={t.variance_pence} />
              </td>
            </tr>
          </tbody>
        </table>
      </TableWrap>
      <h2>By line</h2>
      <ExportButtons table={byLine} label="Export by line" />
      <TableWrap label="By line">
        <table class="data" data-testid="by-line">
          <caption>Allocations: localities, client groups, programmes and the protection fund</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col" class="num">Budget</th>
              <th scope="col" class="num">Committed</th>
              <th scope="col" class="num">Actual</th>
              <th scope="col" class="num">Forecast</th>
              <th scope="col" class="num">Variance</th>
            </tr>
          </thead>
          <tbody>
            {m.lines.map((l) => (
              <tr key={l.line.id}>
                <th scope="row">
                  {l.line.name} <span class="hint">{l.line.code}</span>
                </th>
                <td class="num">{formatPence(l.budget_pence)}</td>
                <td class="num">{formatPence(l.committed_pence)}</td>
                <td class="num">{formatPence(l.actual_pence)}</td>
                <td class="num">{formatPence(l.forecast_pence)}</td>
                <td class="num">
                  <Over pence={l.variance_pence} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {can(session, 'budgets.post_payments') ? <PaymentsImport id={id} onImported={monitoring.reload} /> : null}
    </>
  );
}

function PaymentsImport({ id, onImported }) {
  const [text, setText] = useState('');
  const [name, setName] = useState('payments.csv');
  const [state, setState] = useState({ busy: false, error: null, report: null });
  const readFile = async (event) => {
    const file = event.currentTarget.files && event.currentTarget.files[0];
    if (!file) return;
    setName(file.name);
    setText(await file.text());
  };
  const submit = async (event) => {
    event.preventDefault();
    setState({ busy: true, error: null, report: null });
    try {
      const report = await request('POST', `/budgets/${id}/payments/import?file=${encodeURIComponent(name)}`, { text, contentType: 'text/csv' });
      setState({ busy: false, error: null, report });
    } catch (error) {
      setState({ busy: false, error, report: null });
    }
  };
  const report = state.report;
  const unmatched = report
    ? {
        name: 'unmatched-payments',
        header: ['Date', 'Payee', 'Person or package', 'Amount (£)', 'Budget line', 'Reference', 'Why unmatched'],
        rows: report.unmatched_lines.map((p) => [p.date, p.payee, p.person_reference, money(p.amount_pence), p.budget_line, p.reference, p.unmatched_reason]),
      }
    : null;
  return (
    <section class="no-print">
      <h2>Import payments</h2>
      <p>
        The finance system’s CSV export: <code>date,payee,person_reference,amount,budget_line,reference</code>. Each reference is posted once: importing the same file again counts nothing twice. Lines that match no budget line or person are kept and listed.
      </p>
      <form onSubmit={submit}>
        <div class="field">
          <label for="payments-file">Payments file</label>
          <input id="payments-file" type="file" accept=".csv,text/csv" onChange={readFile} />
        </div>
        <div class="field">
          <label for="payments-text">Or paste the CSV</label>
          <textarea id="payments-text" rows={6} value={text} onInput={(event) => setText(event.currentTarget.value)} />
        </div>
        <button type="submit" class="button" disabled={state.busy || !text.trim()}>
          Import payments
        </button>
      </form>
      {state.error ? <ErrorMessage error={state.error} title="The payments were not imported" /> : null}
      {report ? (
        <div data-testid="import-report">
          <p class="notice" role="status">
            {report.lines} lines: {report.posted} posted ({formatPence(report.posted_pence)}), {report.repeated} already posted, {report.unmatched} unmatched.{' '}
            <button type="button" class="button button--secondary" onClick={onImported}>
              Refresh the figures
            </button>
          </p>
          {report.unmatched_lines.length ? (
            <>
              <ExportButtons table={unmatched} label="Export unmatched" />
              <TableWrap label="Unmatched payments">
                <table class="data" data-testid="unmatched">
                  <caption>Payments that could not be matched</caption>
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">Payee</th>
                      <th scope="col" class="num">Amount</th>
                      <th scope="col">Budget line</th>
                      <th scope="col">Reference</th>
                      <th scope="col">Why</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.unmatched_lines.map((p) => (
                      <tr key={p.id}>
                        <td>{formatDate(p.date)}</td>
                        <td>{p.payee}</td>
                        <td class="num">{formatPence(p.amount_pence)}</td>
                        <td>{p.budget_line}</td>
                        <td>{p.reference}</td>
                        <td>{p.unmatched_reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
