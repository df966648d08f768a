// A small XLSX reader for the browser tests, written from the file format
// (ECMA-376) rather than with the library the pages write with, so a file the
// pages make is checked by an independent reading: the zip's entries, the shared
// strings, each cell's value and type, and the number format its style gives.
import zlib from 'node:zlib';

// The zip's files by name (stored or deflated entries, from the central directory).
export function unzip(buffer) {
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const files = new Map();
  for (let entry_idx = 0; entry_idx < count; entry_idx++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = buffer.readUInt16LE(at + 10);
    const compressed = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(dataStart, dataStart + compressed);
    files.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const unescapeXml = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const attr = (tag, name) => {
  const found = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return found ? unescapeXml(found[1]) : null;
};
const texts = (xml) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((match) => unescapeXml(match[1])).join('');

// The built-in number formats a test may meet (ECMA-376 18.8.30).
const BUILT_IN = { 0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 22: 'm/d/yy h:mm' };

// The first worksheet as rows of cells {ref, value (number or text), type ('n'|'s'|'b'), format}.
export function readWorkbook(buffer) {
  const files = unzip(buffer);
  const text = (name) => (files.has(name) ? files.get(name).toString('utf8') : '');
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((match) => texts(match[1]));
  const styles = text('xl/styles.xml');
  const formats = { ...BUILT_IN };
  for (const match of styles.matchAll(/<numFmt\s[^>]*\/?>/g)) formats[attr(match[0], 'numFmtId')] = attr(match[0], 'formatCode');
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles);
  const xfs = cellXfs ? [...cellXfs[1].matchAll(/<xf\s[^>]*?(?:\/>|>)/g)].map((match) => attr(match[0], 'numFmtId') || '0') : [];
  const workbook = text('xl/workbook.xml');
  const sheetName = attr((/<sheet\s[^>]*\/>/.exec(workbook) || [''])[0], 'name');
  const sheet = text('xl/worksheets/sheet1.xml');
  const rows = [];
  for (const rowMatch of sheet.matchAll(/<row\s([^>]*)>([\s\S]*?)<\/row>/g)) {
    const number = Number(attr(rowMatch[1], 'r'));
    const cells = [];
    for (const cellMatch of rowMatch[2].matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const head = cellMatch[1];
      const body = cellMatch[2] || '';
      const type = attr(head, 't') || 'n';
      const style = Number(attr(head, 's') || 0);
      const raw = /<v>([\s\S]*?)<\/v>/.exec(body);
      let value = null;
      if (type === 's') value = raw ? shared[Number(raw[1])] : null;
      else if (type === 'inlineStr') value = texts(body);
      else if (type === 'str') value = raw ? unescapeXml(raw[1]) : null;
      else if (type === 'b') value = raw ? raw[1] === '1' : null;
      else value = raw ? Number(raw[1]) : null;
      cells.push({ ref: attr(head, 'r'), value, type: type === 'n' ? 'n' : type === 'b' ? 'b' : 's', format: formats[xfs[style] || '0'] || 'General' });
    }
    rows[number - 1] = cells;
  }
  return { sheetName, rows: Array.from(rows, (row) => row || []), frozen: /<pane\s[^>]*state="frozen"/.test(sheet), autoFilter: /<autoFilter\s/.test(sheet) };
}

// An Excel date serial (1900 system) as YYYY-MM-DD.
export function serialDate(serial) {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86400000);
  return date.toISOString().slice(0, 10);
}
