// "Download as CSV" and "Download as XLSX" for a table described as exports.js
// describes it; `what` names the table in the buttons ("these budgets").
import { useState } from 'preact/hooks';
import { exportCsv, exportXlsx } from './exports.js';

export function ExportButtons({ table, what = 'this table' }) {
  const [problem, setProblem] = useState(null);
  const empty = !table || table.rows.length === 0;
  const run = async (exporter) => {
    setProblem(null);
    try {
      await exporter(table);
    } catch (error) {
      setProblem(`The file could not be made: ${error.message || error}`);
    }
  };
  return (
    <div class="export-buttons no-print" data-testid={table ? `${table.name}-exports` : undefined}>
      <button type="button" class="button button--secondary" disabled={empty} onClick={() => run(exportCsv)}>
        Download {what} as CSV
      </button>
      <button type="button" class="button button--secondary" disabled={empty} onClick={() => run(exportXlsx)}>
        Download {what} as XLSX
      </button>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
