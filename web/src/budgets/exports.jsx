// Every budgets table exports as CSV and XLSX. A table is { name, header, rows }:
// header is a list of column titles, rows lists of cells; money columns carry
// whole pence and are written as pounds (numbers in XLSX, so they add up there).
import { TableWrap } from '../shared/components.jsx';
import { downloadText, formatPence, toCsv, todayIso } from '../shared/format.js';

export const pounds = (pence) => (pence === null || pence === undefined ? '' : (Number(pence) / 100).toFixed(2));

export function tableCsv(table) {
  return toCsv([table.header, ...table.rows.map((row) => row.map((cell) => (isMoney(cell) ? pounds(cell.pence) : cell)))]);
}

export const money = (pence) => ({ pence });
const isMoney = (cell) => cell !== null && typeof cell === 'object' && 'pence' in cell;

export function exportCsv(table) {
  downloadText(`${table.name}-${todayIso()}.csv`, tableCsv(table));
}

// Loaded only when asked for, so the pages stay small.
export async function exportXlsx(table) {
  const { default: writeExcelFile } = await import('write-excel-file/browser');
  const header = table.header.map((title) => ({ value: String(title), fontWeight: 'bold' }));
  const rows = table.rows.map((row) =>
    row.map((cell) => {
      if (isMoney(cell)) return { value: Number(cell.pence) / 100, type: Number, format: '#,##0.00' };
      if (typeof cell === 'number') return { value: cell, type: Number };
      return { value: cell === null || cell === undefined ? '' : String(cell), type: String };
    }),
  );
  await writeExcelFile([header, ...rows]).toFile(`${table.name}-${todayIso()}.xlsx`);
}

export function ExportButtons({ table, label }) {
  return (
    <p class="no-print budgets-exports">
      <button type="button" class="button button--secondary" onClick={() => exportCsv(table)} data-testid={`${table.name}-csv`}>
        {label} as CSV
      </button>{' '}
      <button type="button" class="button button--secondary" onClick={() => exportXlsx(table)} data-testid={`${table.name}-xlsx`}>
        {label} as XLSX
      </button>
    </p>
  );
}

// A table with its CSV and XLSX exports: money cells ({ pence }) are shown as
// pounds and right-aligned.
export function DataTable({ table, caption, testid, label = 'Export' }) {
  return (
    <>
      <ExportButtons table={table} label={label} />
      <TableWrap label={caption}>
        <table class="data" data-testid={testid}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {table.header.map((title) => (
                <th scope="col" key={title}>
                  {title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, idx) => (
              <tr key={idx}>
                {row.map((cell, cellIdx) => (
                  <td key={cellIdx} class={isMoney(cell) ? 'num' : ''}>
                    {isMoney(cell) ? formatPence(cell.pence) : cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
