// One grant programme by source, year, workstream and project, with CSV and
// XLSX exports of every table.
import { api, enc } from '../shared/api.js';
import { BarChart } from '../shared/BarChart.jsx';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { downloadText, formatDate, formatPence, toCsv } from '../shared/format.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { downloadXlsx } from '../shared/xlsx.js';
import { exportRows, reportTables, textColumns } from './report.js';

export function ProgrammeReportPage({ id }) {
  return (
    <RequireAllowed action="programmes.read" title="Grant programme">
      <Report id={id} />
    </RequireAllowed>
  );
}

const slug = (text) => String(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function Report({ id }) {
  const loaded = useLoad(() => api.get(`/programmes/${enc(id)}/report`), `programme:${id}`);
  if (loaded.loading) return <Loading what="Loading the programme" />;
  if (loaded.error) return <ErrorMessage error={loaded.error} title="The programme could not be loaded" />;
  const report = loaded.data;
  const tables = reportTables(report);
  const base = slug(report.programme);
  return (
    <>
      <p class="breadcrumbs no-print">
        <a href="/programmes">Grant programmes</a>
      </p>
      <PageTitle>{report.programme}</PageTitle>
      <p class="lead">
        Imported from {report.source_name} on {formatDate(report.imported_at)} by {report.imported_by}; every one of its {report.stated_totals.length} stated totals was checked.
      </p>
      <dl class="headline" data-testid="programme-years">
        {report.years.map((year) => (
          <div key={year}>
            <dt>{year}</dt>
            <dd data-testid={`year-${year}`}>{formatPence(report.by_year[year].total_pence)}</dd>
          </div>
        ))}
      </dl>
      {report.years
        .filter((year) => report.by_year[year].tbc_pence > 0)
        .map((year) => (
          <p key={year} data-testid={`tbc-${year}`}>
            {year}: {formatPence(report.by_year[year].confirmed_pence)} confirmed, {formatPence(report.by_year[year].tbc_pence)} to be confirmed.
          </p>
        ))}
      <SourcesChart report={report} />
      <p class="no-print">
        <button type="button" class="secondary" onClick={() => downloadXlsx(`${base}.xlsx`, tables.map((table) => ({ name: table.name, rows: exportRows(table) })))}>
          Download every table (XLSX)
        </button>
      </p>
      {tables.map((table) => (
        <section key={table.name} aria-label={table.name}>
          <h2>{table.name}</h2>
          <p class="no-print">
            <button type="button" class="secondary" onClick={() => downloadText(`${base}-${slug(table.name)}.csv`, toCsv(exportRows(table)))}>
              CSV
            </button>{' '}
            <button type="button" class="secondary" onClick={() => downloadXlsx(`${base}-${slug(table.name)}.xlsx`, [{ name: table.name, rows: exportRows(table) }])}>
              XLSX
            </button>
          </p>
          <TableWrap label={table.name}>
            <table class="data" data-testid={`table-${slug(table.name)}`}>
              <caption>
                {report.programme}: {table.name.toLowerCase()}
              </caption>
              <thead>
                <tr>
                  {table.head.map((head) => (
                    <th scope="col" key={head}>
                      {head}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, index) => (
                  <tr key={index} class={row[0] === 'Total' || row[1] === 'Subtotal' ? 'total' : ''}>
                    {row.map((cell, column) => (column < textColumns(table) ? <th scope="row" key={column}>{cell}</th> : <td key={column} class="number">{formatPence(cell)}</td>))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ))}
    </>
  );
}

// Each source's money by year, confirmed and to be confirmed (the table below has the same figures).
const BAR_CLASSES = ['bar-current', 'bar-indicative', 'bar-protection'];

function SourcesChart({ report }) {
  const rows = report.by_source.map((row) => {
    const out = { label: row.source };
    for (const year of report.years) {
      out[`${year} confirmed`] = row.years[year].confirmed_pence;
      out[`${year} to be confirmed`] = row.years[year].tbc_pence;
    }
    return out;
  });
  const keys = report.years.flatMap((year) => [`${year} confirmed`, `${year} to be confirmed`]).filter((key) => rows.some((row) => row[key] > 0));
  const series = keys.map((key, index) => ({ key, label: key, className: BAR_CLASSES[index % BAR_CLASSES.length] }));
  return (
    <BarChart
      caption="Funding by source and year"
      label={rows.map((row) => `${row.label}: ${keys.map((key) => `${key} ${formatPence(row[key])}`).join(', ')}`).join('; ')}
      series={series}
      rows={rows}
      testId="programme-chart"
    />
  );
}
