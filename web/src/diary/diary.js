// What the diary pages share: the API calls, weeks as dates, entries grouped by
// day, and each agency's kind in words with its colour class (the legend says
// the same in text, so colour is never the only sign).
import { api, enc, request } from '../shared/api.js';

export const diaryPath = (personId) => `/people/${enc(personId)}/diary`;

export const getDiary = (personId, from, to) =>
  api.get(`${diaryPath(personId)}?from=${enc(from)}&to=${enc(to)}`);
export const addEntry = (personId, entry) => api.post(`${diaryPath(personId)}/entries`, entry);
export const changeEntry = (personId, entryId, change) =>
  request('PATCH', `${diaryPath(personId)}/entries/${enc(entryId)}`, { json: change });
export const cancelEntry = (personId, entryId, version, reason) =>
  api.post(`${diaryPath(personId)}/entries/${enc(entryId)}/cancel`, { version, reason });
export const getHistory = (personId, entryId) =>
  api.get(`${diaryPath(personId)}/entries/${enc(entryId)}/history`).then((body) => (body && Array.isArray(body.versions) ? body.versions : []));

export const KINDS = [
  ['appointment', 'Appointment'],
  ['visit', 'Visit'],
  ['review', 'Review'],
  ['enablement_session', 'Enablement session'],
  ['note', 'Note or other'],
];
export const kindText = (kind) => (KINDS.find(([code]) => code === kind) || [kind, kind])[1];

export const AGENCY_KINDS = {
  council: 'Council',
  nhs_trust: 'NHS',
  provider: 'Care provider',
  third_sector: 'Voluntary sector',
};
export const agencyKindText = (kind) => AGENCY_KINDS[kind] || 'Other';
export const agencyClass = (kind) => `diary-from--${AGENCY_KINDS[kind] ? kind : 'other'}`;

// Dates as YYYY-MM-DD, computed in UTC so a change of clocks never shifts a day.
const parseIso = (iso) => new Date(`${iso}T00:00:00Z`);
const isoOf = (date) => date.toISOString().slice(0, 10);
export const addDays = (iso, days) => isoOf(new Date(parseIso(iso).getTime() + days * 86400000));
// The Monday of the week `iso` is in.
export function mondayOf(iso) {
  const weekday = (parseIso(iso).getUTCDay() + 6) % 7;
  return addDays(iso, -weekday);
}
export const weekDays = (monday) => Array.from({ length: 7 }, (_, index) => addDays(monday, index));
// "Monday 23 November 2026"
export const longDay = (iso) =>
  parseIso(iso).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

// "09:30 to 10:15", or "All day".
export const timeText = (entry) => (entry.all_day || !entry.start ? 'All day' : `${entry.start} to ${entry.end}`);

// Entries by date, in the order the API gives them (by start, all-day first).
export function byDay(entries) {
  const days = new Map();
  for (const entry of entries || []) {
    if (!days.has(entry.date)) days.set(entry.date, []);
    days.get(entry.date).push(entry);
  }
  return days;
}

// Who an entry is from, in words: "Demo NHS Foundation Trust (nhs_nurse)".
export const fromText = (entry) => (entry.from ? `${entry.from.name}${entry.from.user ? ` (${entry.from.user})` : ''}` : '');

export const statusText = (status) => ({ planned: 'Planned', done: 'Done', cancelled: 'Cancelled' }[status] || status);
