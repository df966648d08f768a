// Grant programmes: the list, and importing one from a CSV or XLSX file. An XLSX
// sheet is read in the browser (shared/xlsx.js) and sent as rows, so the server
// checks both kinds with the same code.
import { useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { downloadText, formatDate, toCsv } from '../shared/format.js';
import { can } from '../shared/permissions.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { useSession } from '../shared/session.js';
import { downloadXlsx, readXlsxRows } from '../shared/xlsx.js';

// The list as rows for its CSV and XLSX exports.
const listRows = (programmes) => [
  ['Programme', 'From', 'Lines', 'Imported on', 'Imported by'],
  ...programmes.map((p) => [p.name, p.source_name, p.line_count, formatDate(p.imported_at), p.imported_by]),
];

export function ProgrammesPage() {
  return (
    <RequireAllowed action="programmes.read" title="Grant programmes">
      <Programmes />
    </RequireAllowed>
  );
}

function Programmes() {
  const session = useSession();
  const [tick, setTick] = useState(0);
  const list = useLoad(() => api.get('/programmes'), `programmes:${tick}`);
  return (
    <>
      <PageTitle>Grant programmes</PageTitle>
      <p class="lead">Programmes and projects funded by several sources over several years, with every total checked.</p>
      {list.loading && <Loading what="Loading programmes" />}
      {list.error && <ErrorMessage error={list.error} title="Programmes could not be loaded" />}
      {list.data && (
        <p class="no-print">
          <button type="button" class="secondary" data-testid="programmes-csv" onClick={() => downloadText('grant-programmes.csv', toCsv(listRows(list.data.programmes)))}>
            Export programmes as CSV
          </button>{' '}
          <button type="button" class="secondary" data-testid="programmes-xlsx" onClick={() => downloadXlsx('grant-programmes.xlsx', [{ name: 'Grant programmes', rows: listRows(list.data.programmes) }])}>
            Export programmes as XLSX
          </button>
        </p>
      )}
      {list.data && (
        <TableWrap label="Grant programmes">
          <table class="data" data-testid="programmes">
            <caption>Imported programmes (newest first)</caption>
            <thead>
              <tr>
                <th scope="col">Programme</th>
                <th scope="col">From</th>
                <th scope="col">Lines</th>
                <th scope="col">Imported</th>
              </tr>
            </thead>
            <tbody>
              {list.data.programmes.map((programme) => (
                <tr key={programme.id}>
                  <td>
                    <a href={`/programmes/${programme.id}`}>{programme.name}</a>
                  </td>
                  <td>{programme.source_name}</td>
                  <td>{programme.line_count}</td>
                  <td>
                    {formatDate(programme.imported_at)} by {programme.imported_by}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {can(session, 'programmes.manage') && <ImportForm onImported={() => setTick((n) => n + 1)} />}
    </>
  );
}

function ImportForm({ onImported }) {
  const [file, setFile] = useState(null);
  const [error, setError] = useState(null);
  const [done, setDone] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    if (!file) {
      setError(new Error('Choose a CSV or XLSX file first.'));
      return;
    }
    try {
      const body = /\.xlsx$/i.test(file.name) ? { source_name: file.name, rows: await readXlsxRows(file) } : { source_name: file.name, csv: await file.text() };
      const imported = await api.post('/programmes', body);
      setDone(imported);
      onImported();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import a programme</h2>
      <p class="hint">
        One row per amount, with a header row: record (line or total), programme, workstream, project, source, financial_year (2008/09), amount (pounds), status (confirmed or
        tbc). Rows with record “total” state the totals the lines must add up to; a blank column on a total means every value. An import whose lines do not add up is refused
        with every difference.
      </p>
      <form onSubmit={submit}>
        <div class="field">
          <label for="programme-file">CSV or XLSX file</label>
          <input id="programme-file" type="file" accept=".csv,text/csv,.xlsx" onChange={(e) => setFile(e.currentTarget.files && e.currentTarget.files[0])} />
        </div>
        {error && <ErrorMessage error={error} title="The programme was not imported" />}
        {done && (
          <p class="notice" role="status">
            Imported <a href={`/programmes/${done.id}`}>{done.name}</a>: {done.line_count} lines, every total checked.
          </p>
        )}
        <button type="submit">Import</button>
      </form>
    </section>
  );
}
