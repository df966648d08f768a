// Display helpers. Money arrives as whole pence (integers); it is never turned
// into floating-point pounds for arithmetic, only formatted ("£1,234.56"). Dates
// are shown the UK way ("12 Mar 1941", with the time for a timestamp).

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

// Pounds as typed ("12.50", "£1,200") -> pence, or null; pence -> "12.50" for a field.
export const toPence = (text) => (text === '' || text === null || text === undefined ? null : parsePounds(text));
export const poundsText = (pence) => (pence === null || pence === undefined ? '' : `${Math.floor(Math.abs(pence) / 100)}.${String(Math.abs(pence) % 100).padStart(2, '0')}`);

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

// A date ("1941-03-12") or a timestamp, the UK way: "12 Mar 1941", "12 Mar 1941 14:05".
export function formatDate(value) {
  if (!value) return '';
  const date = new Date(String(value).length === 10 ? `${value}T00:00:00` : value);
  if (Number.isNaN(date.getTime())) return String(value);
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  return String(value).length === 10 ? day : `${day} ${date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
}

// Today (or `offsetDays` from today) as YYYY-MM-DD in the browser's time zone.
export function todayIso(offsetDays = 0) {
  const now = new Date(Date.now() + offsetDays * 86400000);
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

// A code in words: "team_manager" -> "team manager".
export const words = (code) => (code === null || code === undefined ? '' : String(code).replace(/_/g, ' '));

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
