// One grant programme by source, year, workstream and project, with CSV and
// XLSX exports of every table.
import { api, enc } from '../shared/api.js';
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
            {report.by_year[year].tbc_pence > 0 && <dd class="hint">of which {formatPence(report.by_year[year].tbc_pence)} to be confirmed</dd>}
          </div>
        ))}
      </dl>
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
            <table data-testid={`table-${slug(table.name)}`}>
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
