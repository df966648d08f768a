// A form that sends a CSV or XLSX file to an import route ({source_name, csv}
// or {source_name, rows}: api/shared/spreadsheet_body.h) and reports what was
// added, or every problem with its row. `hint` says which columns; `what` names
// the records ("opportunities"); `onImported` runs after a file is added.
import { useState } from 'preact/hooks';
import { api } from './api.js';
import { ErrorMessage } from './components.jsx';
import { readXlsxRows } from './xlsx.js';

export function SpreadsheetImport({ id, route, heading, hint, what, onImported }) {
  const [file, setFile] = useState(null);
  const [error, setError] = useState(null);
  const [added, setAdded] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    setError(null);
    setAdded(null);
    if (!file) {
      setError(new Error('Choose a CSV or XLSX file first.'));
      return;
    }
    try {
      const body = /\.xlsx$/i.test(file.name) ? { source_name: file.name, rows: await readXlsxRows(file) } : { source_name: file.name, csv: await file.text() };
      const result = await api.post(route, body);
      setAdded(result.added);
      onImported(result.added);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-labelledby={`${id}-heading`} class="no-print">
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p class="hint">{hint}</p>
      <form onSubmit={submit}>
        <div class="field">
          <label for={`${id}-file`}>CSV or XLSX file</label>
          <input id={`${id}-file`} type="file" accept=".csv,text/csv,.xlsx" onChange={(e) => setFile(e.currentTarget.files && e.currentTarget.files[0])} />
        </div>
        {error && <ErrorMessage error={error} title={`No ${what} were added`} />}
        {added && (
          <p class="notice" role="status" data-testid={`${id}-added`}>
            Added {added.length}: {added.map((record) => record.name).join(', ')}.
          </p>
        )}
        <button type="submit" class="button">
          Add {what}
        </button>
      </form>
    </section>
  );
}
