// The reports on a budget: the risk-share settlement with its arithmetic, the
// protection fund, the balance of care, new against previous costs and an
// assessor's own locality's remaining budget. Every table exports CSV and XLSX.
import { api } from '../shared/api.js';
import { ErrorMessage, Loading, PageTitle } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { formatDate, formatPence, words } from '../shared/format.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { DataTable, money } from './exports.jsx';
import { budgetPath, monthLabel, ruleWords } from './format.js';
import { TrendChart } from './TrendChart.jsx';

function Report({ action = 'budgets.read', title, path, render }) {
  return (
    <RequireAllowed action={action} title={title}>
      <Loaded path={path} render={render} title={title} />
    </RequireAllowed>
  );
}

function Loaded({ path, render, title }) {
  const loaded = useLoad(() => api.get(path), path);
  if (loaded.loading) return <Loading what={`Loading ${title.toLowerCase()}`} />;
  if (loaded.error) return <ErrorMessage error={loaded.error} title={`${title} could not be loaded`} />;
  return render(loaded.data);
}

function Table({ table, caption, testid }) {
  return <DataTable table={table} caption={caption} testid={testid} />;
}

export function SettlementPage({ id }) {
  return (
    <Report
      title="Risk-share settlement"
      path={`/budgets/${id}/settlement`}
      render={(s) => (
        <>
          <PageTitle>Risk-share settlement: {s.budget.name}</PageTitle>
          <p class="lead">
            Each partner’s share of the year’s variance under the rule “{ruleWords[s.rule] || s.rule}”. Positive is a share of an underspend, negative of an overspend. <a href={budgetPath(s.budget.id)}>Monitoring</a>
          </p>
          <ol class="budgets-arithmetic" data-testid="arithmetic">
            {s.arithmetic.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
          <Table
            testid="settlement"
            caption="Shares"
            table={{
              name: `settlement-${s.budget.code}`,
              header: ['Partner', 'Share (£)', 'Arithmetic'],
              rows: [...s.shares.map((share) => [share.partner, money(share.share_pence), share.arithmetic]), ['Variance', money(s.variance_pence), '']],
            }}
          />
        </>
      )}
    />
  );
}

export function ProtectionPage({ id }) {
  return (
    <Report
      title="Protection fund"
      path={`/budgets/${id}/protection`}
      render={(p) => (
        <>
          <PageTitle>Protection fund: {p.budget.name}</PageTitle>
          <p class="lead">The top-slice kept to protect people whose personal budget would not keep their current services (seed 003). Each transitional protection draws on it pro rata by day.</p>
          <dl class="headline" data-testid="protection-totals">
            <div>
              <dt>Fund</dt>
              <dd>{formatPence(p.fund_pence)}</dd>
            </div>
            <div>
              <dt>Drawn this year</dt>
              <dd>{formatPence(p.drawn_pence)}</dd>
            </div>
            <div>
              <dt>Balance</dt>
              <dd>{formatPence(p.balance_pence)}</dd>
            </div>
          </dl>
          <Table
            testid="protection"
            caption={`Protections (${p.draws.length})`}
            table={{
              name: `protection-${p.budget.code}`,
              header: ['Person', 'A year (£)', 'Drawn this year (£)', 'Review due', 'Overdue'],
              rows: p.draws.map((d) => [`person:${d.person_id}`, money(d.annual_pence), money(d.drawn_pence), d.review_due ? formatDate(d.review_due) : '', d.review_overdue ? 'yes' : '']),
            }}
          />
        </>
      )}
    />
  );
}

export function BalanceOfCarePage({ id }) {
  return (
    <Report
      title="Balance of care"
      path={`/budgets/${id}/balance-of-care`}
      render={(b) => (
        <>
          <PageTitle>Balance of care: {b.budget.name}</PageTitle>
          <p class="lead">Forecast spend in institutional settings (hospital, residential and nursing care) against community settings (home care, day support, direct payments, supported living), by month (seed 000).</p>
          <dl class="headline">
            <div>
              <dt>Institutional</dt>
              <dd>{formatPence(b.institutional_pence)}</dd>
            </div>
            <div>
              <dt>Community</dt>
              <dd>{formatPence(b.community_pence)}</dd>
            </div>
          </dl>
          <Table
            testid="balance-of-care"
            caption="By month"
            table={{
              name: `balance-of-care-${b.budget.code}`,
              header: ['Month', 'Institutional (£)', 'Community (£)'],
              rows: b.months.map((month, idx) => [monthLabel(month), money(b.institutional[idx]), money(b.community[idx])]),
            }}
          />
        </>
      )}
    />
  );
}

export function NewAgainstPreviousPage() {
  return (
    <Report
      title="New against previous costs"
      path="/budget-reports/new-against-previous"
      render={(r) => (
        <>
          <PageTitle>New against previous costs</PageTitle>
          <p class="lead">People moved onto personal budgets: the previous package cost against the agreed budget, month by month (seed 003).</p>
          <TrendChart
            months={r.months}
            figures={{ budget: r.total.previous, committed: r.total.agreed, actual: [], forecast: [] }}
            title="Previous (Budget line) against agreed (Committed line), cumulative"
          />
          <Table
            testid="new-against-previous"
            caption="By client group"
            table={{
              name: `new-against-previous-${r.financial_year}`,
              header: ['Client group', 'People', 'Previous (£)', 'Agreed (£)', 'Difference (£)'],
              rows: [...r.by_client_group, r.total].map((row) => [words(row.client_group), row.people, money(row.previous_pence), money(row.agreed_pence), money(row.agreed_pence - row.previous_pence)]),
            }}
          />
          <Table
            testid="new-against-previous-months"
            caption="By month"
            table={{
              name: `new-against-previous-months-${r.financial_year}`,
              header: ['Month', 'Previous (£)', 'Agreed (£)'],
              rows: r.months.map((month, idx) => [monthLabel(month), money(r.total.previous[idx]), money(r.total.agreed[idx])]),
            }}
          />
        </>
      )}
    />
  );
}

export function MyLocalityPage() {
  return (
    <Report
      action="budgets.read_locality"
      title="My locality’s budget"
      path="/budget-reports/my-locality"
      render={(r) => (
        <>
          <PageTitle>My locality’s budget</PageTitle>
          <p class="lead">What remains of your own locality’s devolved budget this year, after the forecast outturn.</p>
          {r.locality ? (
            <p data-testid="my-locality-name">
              Your locality: <strong>{r.locality}</strong>. Only its own lines are shown.
            </p>
          ) : (
            <p data-testid="no-locality">No locality is recorded for you yet: ask an administrator to record the locality or team you work in.</p>
          )}
          {r.locality && r.lines.length === 0 ? <p>No budget this year has a line for your locality.</p> : null}
          <Table
            testid="my-locality"
            caption="Remaining budget"
            table={{
              name: 'my-locality',
              header: ['Budget', 'Line', 'Budget (£)', 'Forecast (£)', 'Remaining (£)'],
              rows: r.lines.map((l) => [l.budget, l.line.name, money(l.line.amount_pence), money(l.forecast_pence), money(l.remaining_pence)]),
            }}
          />
        </>
      )}
    />
  );
}
