// The support plan's running totals, worked out in the page as the lines are
// typed, the same way the server does (weekly cost rounded per line, a year is
// 52 weeks, the NHS share rounded per line and the council funds the rest). The
// saved plan version's totals from the server are the record.
import { parsePounds } from '../../shared/format.js';

export const UNITS = [
  ['hour', 'an hour'],
  ['day', 'a day'],
  ['night', 'a night'],
  ['week', 'a week'],
  ['one_off', 'one-off'],
];
export const DELIVERY = [
  ['direct_payment', 'Direct payment'],
  ['individual_service_fund', 'Individual service fund'],
  ['council_arranged', 'Council-arranged'],
];

const roundHalfAway = (x) => (x < 0 ? -Math.round(-x) : Math.round(x));

// "3.5" or "7/2" -> a number, or null.
export function parseUnits(text) {
  const value = String(text ?? '').trim();
  if (value === '') return 0;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const fraction = value.match(/^(\d+)\/(\d+)$/);
  if (fraction && Number(fraction[2]) > 0) return Number(fraction[1]) / Number(fraction[2]);
  return null;
}

export function penceOrNull(text) {
  const value = String(text ?? '').trim();
  if (value === '') return 0;
  return parsePounds(value);
}

// "3.5" -> {n: 35, d: 10}; "7/2" -> {n: 7, d: 2}; null when not a number.
function unitsFraction(text) {
  const value = String(text ?? '').trim();
  if (value === '') return { n: 0, d: 1 };
  const decimal = value.match(/^(\d+)(?:\.(\d+))?$/);
  if (decimal) {
    const places = (decimal[2] || '').length;
    return { n: Number(decimal[1] + (decimal[2] || '')), d: 10 ** places };
  }
  const fraction = value.match(/^(\d+)\/(\d+)$/);
  if (fraction && Number(fraction[2]) > 0) return { n: Number(fraction[1]), d: Number(fraction[2]) };
  return null;
}

// The weekly cost in whole pence, rounded half away from zero, without floating point.
export function weeklyPence(unitsText, unitCostPence) {
  const units = unitsFraction(unitsText);
  if (!units) return 0;
  const num = units.n * unitCostPence;
  const quotient = Math.floor(num / units.d);
  const rest = num - quotient * units.d;
  return 2 * rest >= units.d ? quotient + 1 : quotient;
}

// A line as typed -> {line for the API, problems by field}.
export function lineForApi(line) {
  const problems = {};
  const oneOff = line.unit === 'one_off';
  const cost = penceOrNull(oneOff ? line.one_off : line.unit_cost);
  if (cost === null) problems[oneOff ? 'one_off_pence' : 'unit_cost_pence'] = 'Enter an amount in pounds, like 18.50';
  const units = oneOff ? 0 : parseUnits(line.units_per_week);
  if (units === null) problems.units_per_week = 'Enter a number, like 3.5';
  const nhs = String(line.nhs_percent ?? '').trim() === '' ? 0 : Number(line.nhs_percent);
  if (!Number.isInteger(nhs) || nhs < 0 || nhs > 100) problems.nhs_percent = 'Enter a whole number from 0 to 100';
  const out = {
    description: String(line.description || '').trim(),
    service_component: line.service_component || '',
    unit: line.unit || 'hour',
    unit_cost_pence: oneOff ? 0 : cost ?? 0,
    delivery: line.delivery || '',
    nhs_percent: Number.isInteger(nhs) ? nhs : 0,
  };
  if (String(line.provider || '').trim()) out.provider = String(line.provider).trim();
  if (oneOff) out.one_off_pence = cost ?? 0;
  else out.units_per_week = String(line.units_per_week ?? '').trim() || '0';
  return { line: out, problems };
}

export function planTotals(lines) {
  const totals = { weekly_pence: 0, one_off_pence: 0, annual_pence: 0, annual_council_pence: 0, annual_nhs_pence: 0, by_delivery: {} };
  for (const typed of lines) {
    const { line } = lineForApi(typed);
    const weekly = line.unit === 'one_off' ? 0 : weeklyPence(line.units_per_week, line.unit_cost_pence);
    const annual = line.unit === 'one_off' ? line.one_off_pence : weekly * 52;
    totals.weekly_pence += weekly;
    if (line.unit === 'one_off') totals.one_off_pence += line.one_off_pence;
    const nhs = roundHalfAway((annual * line.nhs_percent) / 100);
    totals.annual_nhs_pence += nhs;
    totals.annual_council_pence += annual - nhs;
    if (line.delivery) totals.by_delivery[line.delivery] = (totals.by_delivery[line.delivery] || 0) + annual;
  }
  totals.annual_pence = totals.weekly_pence * 52 + totals.one_off_pence;
  return totals;
}

// A saved plan line -> the fields as typed.
export function lineFromApi(line) {
  const pounds = (pence) => (pence === null || pence === undefined ? '' : `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`);
  return {
    description: line.description || '',
    service_component: line.service_component || '',
    provider: line.provider || '',
    unit: line.unit || 'hour',
    unit_cost: line.unit === 'one_off' ? '' : pounds(line.unit_cost_pence),
    units_per_week: line.unit === 'one_off' ? '' : String(line.units_per_week ?? ''),
    one_off: line.unit === 'one_off' ? pounds(line.one_off_pence) : '',
    delivery: line.delivery || '',
    nhs_percent: String(line.nhs_percent ?? 0),
  };
}

export const blankLine = () => ({ description: '', service_component: '', provider: '', unit: 'hour', unit_cost: '', units_per_week: '', one_off: '', delivery: 'direct_payment', nhs_percent: '0' });
