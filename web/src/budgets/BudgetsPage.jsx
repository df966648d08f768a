// The budgets a finance officer may see: kind, year, host, who runs it and who
// is accountable (shadow management), total and links to each report.
import { api } from '../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { formatPence } from '../shared/format.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { AlertsSection } from './AlertsSection.jsx';
import { ExportButtons, money } from './exports.jsx';
import { budgetPath, kindWords, ruleWords } from './format.js';

export function BudgetsPage() {
  return (
    <RequireAllowed action="budgets.read" title="Budgets">
      <Budgets />
    </RequireAllowed>
  );
}

function Budgets() {
  const list = useLoad(() => api.get('/budgets'), 'budgets');
  if (list.loading) return <Loading what="Loading budgets" />;
  if (list.error) return <ErrorMessage error={list.error} title="Budgets could not be loaded" />;
  const budgets = list.data.budgets || [];
  const table = {
    name: 'budgets',
    header: ['Code', 'Name', 'Financial year', 'Kind', 'Host', 'Runs it', 'Accountable', 'Risk share', 'Total (£)'],
    rows: budgets.map((b) => [b.code, b.name, b.financial_year_label, kindWords[b.kind] || b.kind, b.host_agency, b.managed_by_agency, b.accountable_agency, ruleWords[b.risk_share] || '', money(b.total_pence)]),
  };
  return (
    <>
      <PageTitle>Budgets</PageTitle>
      <p class="lead">Pooled, aligned and fast-access budgets your organisation hosts, runs, is accountable for or contributes to.</p>
      <p>
        <a href="/finance/reports/new-against-previous">New against previous costs</a>
      </p>
      <ExportButtons table={table} label="Export budgets" />
      <TableWrap label="Budgets">
        <table class="data" data-testid="budgets">
          <caption>Budgets ({budgets.length})</caption>
          <thead>
            <tr>
              <th scope="col">Budget</th>
              <th scope="col">Year</th>
              <th scope="col">Kind</th>
              <th scope="col">Runs it</th>
              <th scope="col">Accountable</th>
              <th scope="col">Risk share</th>
              <th scope="col" class="num">Total</th>
              <th scope="col">Reports</th>
            </tr>
          </thead>
          <tbody>
            {budgets.map((b) => (
              <tr key={b.id}>
                <td>
                  <a href={budgetPath(b.id)}>{b.name}</a> <span class="hint">{b.code}</span>
                </td>
                <td>{b.financial_year_label}</td>
                <td>{kindWords[b.kind] || b.kind}</td>
                <td>
                  {b.managed_by_agency}
                  {b.shadow_managed ? ' (shadow management)' : ''}
                </td>
                <td>{b.accountable_agency}</td>
                <td>{ruleWords[b.risk_share] || '—'}</td>
                <td class="num">{formatPence(b.total_pence)}</td>
                <td>
                  <a href={budgetPath(b.id)}>Monitoring</a>
                  {b.kind === 'pooled' ? (
                    <>
                      {' · '}
                      <a href={budgetPath(b.id, '/settlement')}>Risk share</a>
                    </>
                  ) : null}
                  {b.lines.some((line) => line.kind === 'protection_fund') ? (
                    <>
                      {' · '}
                      <a href={budgetPath(b.id, '/protection')}>Protection fund</a>
                    </>
                  ) : null}
                  {b.lines.some((line) => line.setting) ? (
                    <>
                      {' · '}
                      <a href={budgetPath(b.id, '/balance-of-care')}>Balance of care</a>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <AlertsSection />
    </>
  );
}
