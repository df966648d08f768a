// Every table a user can export leaves as CSV and as XLSX from one description:
//   { name, title, notes: ['Client group: Older people'], columns, rows, totals? }
// where each column is { title, kind, value(row) } and kind is
//   text | code (value is already its label) | money (whole pence) | date
//   (YYYY-MM-DD) | number.
// CSV: a header row, then the rows (no title or totals, so any program reads it); money in pounds ("1234.56", never pence),
// dates as YYYY-MM-DD (what every spreadsheet and program reads as a date),
// codes by their labels. XLSX (ExcelJS, already used for reading files, loaded
// only when asked for): a title, the notes, a bold frozen header row with a
// filter, money as numbers formatted £#,##0.00, dates as dates shown
// 29 Nov 2026, numbers as numbers, and the totals in bold.
import { downloadText, todayIso, toCsv } from './format.js';

export const MONEY_FORMAT = '"£"#,##0.00;-"£"#,##0.00';
export const DATE_FORMAT = 'd mmm yyyy';

// Whole pence -> "1234.56" (exact: no floating point on the way).
export function poundsText(pence) {
  if (pence === null || pence === undefined || pence === '') return '';
  const value = Number(pence);
  if (!Number.isFinite(value)) return String(pence);
  const abs = Math.abs(Math.round(value));
  return `${value < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function csvCell(column, row) {
  const value = column.value(row);
  if (value === null || value === undefined) return '';
  if (column.kind === 'money') return poundsText(value);
  return value;
}

export function tableCsv(table) {
  const header = table.columns.map((column) => (column.kind === 'money' ? `${column.title} (£)` : column.title));
  // Rows only: a totals row would be read as one more record by a program.
  const rows = table.rows.map((row) => table.columns.map((column) => csvCell(column, row)));
  return toCsv([header, ...rows]);
}

const fileName = (table, extension) => `${table.name}-${todayIso()}.${extension}`;

export function exportCsv(table) {
  downloadText(fileName(table, 'csv'), tableCsv(table));
}

// "2026-11-29" -> a Date at midnight UTC, which ExcelJS writes as that day.
function excelDate(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(text || ''));
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

function xlsxCell(kind, value) {
  if (value === null || value === undefined || value === '') return null;
  if (kind === 'money') return Number(value) / 100; // pounds; whole pence divide exactly enough for two places
  if (kind === 'number') return Number(value);
  if (kind === 'date') return excelDate(value) || String(value);
  return String(value);
}

export async function tableWorkbook(table) {
  const module = await import('exceljs/dist/exceljs.min.js');
  const ExcelJS = module.default || module;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(String(table.sheet || table.title).replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  const width = table.columns.length;
  sheet.addRow([table.title]);
  sheet.getRow(1).font = { bold: true, size: 14 };
  const notes = [...(table.notes || []), `Exported ${new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}`];
  for (const note of notes) sheet.addRow([note]);
  const headerRow = sheet.addRow(table.columns.map((column) => column.title));
  headerRow.font = { bold: true };
  headerRow.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F2F1' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  const headerNumber = headerRow.number;
  for (const row of table.rows) sheet.addRow(table.columns.map((column) => xlsxCell(column.kind, column.value(row))));
  if (table.totals) {
    const totalsRow = sheet.addRow(table.columns.map((column, column_idx) => (column_idx in table.totals ? xlsxCell(column.kind, table.totals[column_idx]) : null)));
    totalsRow.font = { bold: true };
  }
  table.columns.forEach((column, column_idx) => {
    const sheetColumn = sheet.getColumn(column_idx + 1);
    if (column.kind === 'money') sheetColumn.numFmt = MONEY_FORMAT;
    if (column.kind === 'date') sheetColumn.numFmt = DATE_FORMAT;
    const longest = Math.max(String(column.title).length, ...table.rows.slice(0, 200).map((row) => String(column.value(row) ?? '').length));
    sheetColumn.width = Math.min(60, Math.max(10, longest + 2));
  });
  // The title and notes keep the general format even in money or date columns.
  for (let row_number = 1; row_number <= headerNumber; row_number++) sheet.getRow(row_number).eachCell((cell) => (cell.numFmt = 'General'));
  sheet.views = [{ state: 'frozen', ySplit: headerNumber }];
  sheet.autoFilter = { from: { row: headerNumber, column: 1 }, to: { row: headerNumber, column: width } };
  return workbook;
}

export async function exportXlsx(table) {
  const workbook = await tableWorkbook(table);
  const buffer = await workbook.xlsx.writeBuffer();
  const blob = new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName(table, 'xlsx');
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
