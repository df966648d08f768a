// The programme report as tables (rows of cells), for the page and its CSV and
// XLSX exports. Amounts are whole pence; exports give pounds as numbers.

const pounds = (pence) => pence / 100;

export function reportTables(report) {
  const years = report.years || [];
  const yearHeads = years.flatMap((year) => [`${year} confirmed`, `${year} to be confirmed`, `${year} total`]);
  const yearCells = (byYear) => years.flatMap((year) => {
    const amount = (byYear && byYear[year]) || { confirmed_pence: 0, tbc_pence: 0, total_pence: 0 };
    return [amount.confirmed_pence, amount.tbc_pence, amount.total_pence];
  });
  return [
    {
      name: 'By source',
      head: ['Source', ...yearHeads, 'Total'],
      rows: [
        ...(report.by_source || []).map((row) => [row.source, ...yearCells(row.years), row.total.total_pence]),
        ['Total', ...yearCells(report.by_year), report.total.total_pence],
      ],
    },
    {
      name: 'By workstream',
      head: ['Workstream', 'Source', ...yearHeads, 'Total'],
      rows: (report.by_workstream || []).flatMap((row) => [
        ...row.by_source.map((source) => [row.workstream, source.source, ...yearCells(source.years), source.total.total_pence]),
        [row.workstream, 'Subtotal', ...yearCells(row.years), row.total.total_pence],
      ]),
    },
    {
      name: 'By project',
      head: ['Workstream', 'Project', ...yearHeads, 'Total'],
      rows: (report.by_project || []).map((row) => [row.workstream, row.project, ...yearCells(row.years), row.total.total_pence]),
    },
  ];
}

// Which cells are money: every one after the text columns.
export const textColumns = (table) => (table.name === 'By source' ? 1 : 2);

// A table for export: the header, then rows with money as pounds (numbers).
export function exportRows(table) {
  const first = textColumns(table);
  return [table.head, ...table.rows.map((row) => row.map((cell, index) => (index < first ? cell : pounds(cell))))];
}
