// XLSX files in the browser with ExcelJS (npm "exceljs", MIT, widely used and
// maintained; reads and writes .xlsx). Loaded only when a page first needs it,
// so other pages do not carry its weight. Cells are read as text; amounts stay
// exact because the server parses them, never this code.

async function excel() {
  const module = await import('exceljs/dist/exceljs.min.js');
  return module.default || module;
}

function cellText(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result); // a formula: its cached value
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

// The first worksheet of an .xlsx File as rows of text cells.
export async function readXlsxRows(file) {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await file.arrayBuffer());
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells = [];
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(cellText(row.getCell(column).value));
    rows[number - 1] = cells;
  });
  return Array.from(rows, (row) => row || []);
}

// Downloads a workbook: sheets [{name, rows}] where rows[0] is the header; numbers stay numbers.
export async function downloadXlsx(filename, sheets) {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  for (const { name, rows } of sheets) {
    const sheet = workbook.addWorksheet(name.slice(0, 31));
    rows.forEach((row) => sheet.addRow(row));
    if (rows.length) sheet.getRow(1).font = { bold: true };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  const blob = new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
