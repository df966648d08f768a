// Display helpers. Money arrives as whole pence (integers); it is never turned
// into floating-point pounds for arithmetic, only formatted.

export function formatPence(value) {
  if (value === null || value === undefined || value === '') return '';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  const abs = Math.abs(Math.round(n));
  const pounds = Math.floor(abs / 100).toLocaleString('en-GB');
  const pence = String(abs % 100).padStart(2, '0');
  return `${n < 0 ? '-' : ''}£${pounds}.${pence}`;
}

// "£1,234.50", "1234.5", "1234" -> pence; null when not a sum of money.
export function parsePounds(text) {
  const cleaned = String(text).trim().replace(/^£/, '').replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [pounds, pence = ''] = cleaned.split('.');
  return Number(pounds) * 100 + Number(pence.padEnd(2, '0'));
}

export function formatNumber(value) {
  const n = Number(value);
  return Number.isFinite(n) ? n.toLocaleString('en-GB') : String(value ?? '');
}

// A value of unknown shape from a document, readable: pence fields as money.
export function formatValue(key, value) {
  if (value === null || value === undefined) return '';
  if (typeof key === 'string' && /_pence$|^pence_/.test(key)) return formatPence(value);
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function humanise(key) {
  const text = String(key).replace(/_pence$/, '').replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// One CSV field per RFC 4180; cells that a spreadsheet would run as a formula are
// prefixed with an apostrophe.
export function csvField(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows) {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function downloadText(filename, text, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
