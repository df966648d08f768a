// Hours and cost of care at home: every package at today's rates, by former
// framework, provider, service and client group (seed 002's 21,388 hours a week
// and £17.5M a year), with off-framework purchases counted. Each table exports.
import { api } from '../shared/api.js';
import { BarChart } from '../shared/BarChart.jsx';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { downloadText, formatDate, formatNumber, formatPence, toCsv, words } from '../shared/format.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { downloadXlsx } from '../shared/xlsx.js';
import { SERVICES } from './standing.js';

export function MarketPage() {
  return (
    <RequireAllowed action="providers.read" title="Care at home: hours and cost">
      <Market />
    </RequireAllowed>
  );
}

const TABLES = [
  { key: 'by_framework', title: 'By former framework', column: 'Framework' },
  { key: 'by_provider', title: 'By provider', column: 'Provider' },
  { key: 'by_service', title: 'By service', column: 'Service', label: (key) => SERVICES[key] || words(key) },
  { key: 'by_client_group', title: 'By client group', column: 'Client group' },
];

const hours = (line) => Math.round(line.carer_minutes_per_week / 6) / 10;

function rowsFor(table, lines) {
  const label = table.label || ((key) => key);
  return [
    [table.column, 'Packages', 'Carer hours a week', 'Weekly cost (£)', 'Annual cost (£)', 'Bought off the framework'],
    ...lines.map((line) => [label(line.key), line.packages, hours(line), line.weekly_pence / 100, line.annual_pence / 100, line.off_framework]),
  ];
}

function Market() {
  const loaded = useLoad(() => api.get('/care-packages/summary'), 'care-packages-summary');
  if (loaded.loading) return <Loading what="Adding up the packages" />;
  if (loaded.error) return <ErrorMessage error={loaded.error} title="The figures could not be loaded" />;
  const summary = loaded.data;
  const total = summary.total;
  return (
    <>
      <PageTitle>Care at home: hours and cost</PageTitle>
      <p class="lead">Every package at the rates in force on {formatDate(summary.as_of)}.</p>
      <dl class="totals" data-testid="market-totals">
        <div>
          <dt>Packages</dt>
          <dd>{formatNumber(total.packages)}</dd>
        </div>
        <div>
          <dt>Carer hours a week</dt>
          <dd>{formatNumber(hours(total))}</dd>
        </div>
        <div>
          <dt>Annual cost</dt>
          <dd>{formatPence(total.annual_pence)}</dd>
        </div>
        <div>
          <dt>Bought off the framework</dt>
          <dd>{formatNumber(total.off_framework)} packages</dd>
        </div>
      </dl>
      {summary.not_costed.length > 0 && (
        <div class="error-summary" role="alert">
          <h2 class="error-summary__title">Packages with no rate in force</h2>
          <ul>
            {summary.not_costed.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <BarChart
        caption="Annual cost by provider"
        label={summary.by_provider.map((line) => `${line.key}: ${formatPence(line.annual_pence)}`).join('; ')}
        series={[{ key: 'annual', label: 'Annual cost', className: 'bar-current' }]}
        rows={summary.by_provider.map((line) => ({ label: line.key, annual: line.annual_pence }))}
        testId="market-chart"
      />
      {TABLES.map((table) => (
        <MarketTable key={table.key} table={table} lines={summary[table.key]} />
      ))}
    </>
  );
}

function MarketTable({ table, lines }) {
  const label = table.label || ((key) => key);
  const file = `care-at-home-${table.key.replace(/_/g, '-')}`;
  return (
    <section aria-labelledby={`${table.key}-heading`}>
      <h2 id={`${table.key}-heading`}>{table.title}</h2>
      <p>
        <button type="button" data-testid={`${table.key}-csv`} onClick={() => downloadText(`${file}.csv`, toCsv(rowsFor(table, lines)))}>
          Download CSV
        </button>{' '}
        <button type="button" data-testid={`${table.key}-xlsx`} onClick={() => downloadXlsx(`${file}.xlsx`, [{ name: table.title, rows: rowsFor(table, lines) }])}>
          Download XLSX
        </button>
      </p>
      <TableWrap label={table.title}>
        <table class="data" data-testid={table.key}>
          <caption>{table.title}</caption>
          <thead>
            <tr>
              <th scope="col">{table.column}</th>
              <th scope="col">Packages</th>
              <th scope="col">Carer hours a week</th>
              <th scope="col">Weekly cost</th>
              <th scope="col">Annual cost</th>
              <th scope="col">Off the framework</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.key}>
                <th scope="row">{label(line.key)}</th>
                <td class="num">{formatNumber(line.packages)}</td>
                <td class="num">{formatNumber(hours(line))}</td>
                <td class="num">{formatPence(line.weekly_pence)}</td>
                <td class="num">{formatPence(line.annual_pence)}</td>
                <td class="num">{formatNumber(line.off_framework)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
