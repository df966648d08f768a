// Plain helpers for the scheduling page: totals, timeline segments, map
// projection and the CSV of visits per carer. No DOM, so they can be unit-tested.
import { toCsv } from '../shared/format.js';

// Colours for carers' routes, distinguishable on white and in print; after the
// twelfth the colours repeat with a dashed line.
export const ROUTE_COLOURS = [
  '#1d70b8', '#d4351c', '#00703c', '#912b88', '#f47738', '#28a197',
  '#5694ca', '#b58840', '#4c2c92', '#85994b', '#d53880', '#505a5f',
];

export function routeColour(route_idx) {
  return ROUTE_COLOURS[route_idx % ROUTE_COLOURS.length];
}
export const routeDashed = (route_idx) => route_idx >= ROUTE_COLOURS.length;

// The page's own totals from the solution (the job's result carries the server's).
export function solutionTotals(problem, solution) {
  const routes = Array.isArray(solution && solution.routes) ? solution.routes : [];
  const routed = new Set();
  let travel = 0;
  let visitTime = 0;
  let distance = 0;
  for (const route of routes) {
    travel += Number(route.travel_time) || 0;
    distance += Number(route.distance) || 0;
    for (const stop of route.stops || []) {
      if (stop.type === 'visit') {
        routed.add(stop.visit);
        visitTime += stop.end - stop.start;
      }
    }
  }
  const unassigned = Array.isArray(solution && solution.unassigned) ? solution.unassigned.length : 0;
  return {
    carers: Array.isArray(problem && problem.carers) ? problem.carers.length : 0,
    carers_used: routes.length,
    visits: Array.isArray(problem && problem.visits) ? problem.visits.length : routed.size + unassigned,
    visits_routed: routed.size,
    visits_unassigned: unassigned,
    travel_time: travel,
    visit_time: visitTime,
    distance,
  };
}

// Segments of one carer's day: travel, waiting, visit and break, in time order.
export function routeSegments(route) {
  const segments = [];
  let at = Number(route.departure);
  for (const stop of route.stops || []) {
    if (stop.type === 'visit') {
      if (stop.arrival > at + 1e-6) segments.push({ kind: 'travel', start: at, end: stop.arrival });
      if (stop.start > stop.arrival + 1e-6) segments.push({ kind: 'wait', start: stop.arrival, end: stop.start });
    } else if (stop.start > at + 1e-6) {
      segments.push({ kind: 'wait', start: at, end: stop.start });
    }
    segments.push({ kind: stop.type === 'visit' ? 'visit' : 'break', start: stop.start, end: stop.end, stop });
    at = stop.end;
  }
  if (Number(route.return) > at + 1e-6) segments.push({ kind: 'travel', start: at, end: Number(route.return) });
  return segments;
}

// The time axis of every route: earliest departure to latest return, padded to whole hours.
export function timeRange(routes) {
  let low = Infinity;
  let high = -Infinity;
  for (const route of routes) {
    low = Math.min(low, Number(route.departure));
    high = Math.max(high, Number(route.return));
  }
  if (!Number.isFinite(low) || !Number.isFinite(high)) return { start: 0, end: 60 };
  const start = Math.floor(low / 60) * 60;
  const end = Math.max(start + 60, Math.ceil(high / 60) * 60);
  return { start, end };
}

// Minutes after midnight as 07:05 (beyond a day: "+1 07:05").
export function clock(minutes) {
  if (!Number.isFinite(minutes)) return '';
  const whole = Math.round(minutes);
  const day = Math.floor(whole / 1440);
  const inDay = whole - day * 1440;
  const text = `${String(Math.floor(inDay / 60)).padStart(2, '0')}:${String(inDay % 60).padStart(2, '0')}`;
  return day > 0 ? `+${day} ${text}` : text;
}

export const minutesText = (value) => {
  const total = Math.round(Number(value) || 0);
  const hours = Math.floor(total / 60);
  return hours > 0 ? `${hours} h ${total % 60} min` : `${total} min`;
};

// Where each location goes on the map: [x, y] in map units (y down). Longitude and
// latitude are projected equirectangularly around their middle latitude.
export function projectLocations(problem) {
  const locations = Array.isArray(problem && problem.locations) ? problem.locations : [];
  if (locations.length === 0) return null;
  const geographic = problem.travel && problem.travel.kind === 'great_circle';
  let latitudeSum = 0;
  for (const [, y] of locations) latitudeSum += Number(y);
  const scaleX = geographic ? Math.cos(((latitudeSum / locations.length) * Math.PI) / 180) : 1;
  const points = locations.map(([x, y]) => [Number(x) * scaleX, -Number(y)]);
  const xs = points.map((point) => point[0]);
  const ys = points.map((point) => point[1]);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const width = Math.max(Math.max(...xs) - minX, 1e-9);
  const height = Math.max(Math.max(...ys) - minY, 1e-9);
  const size = 1000;
  const scale = size / Math.max(width, height);
  return {
    geographic,
    width: width * scale,
    height: height * scale,
    points: points.map(([x, y]) => [(x - minX) * scale, (y - minY) * scale]),
  };
}

// Index of visits and carers by id.
export function indexProblem(problem) {
  const visits = new Map();
  for (const visit of (problem && problem.visits) || []) visits.set(visit.id, visit);
  const carers = new Map();
  for (const carer of (problem && problem.carers) || []) carers.set(carer.id, carer);
  return { visits, carers };
}

// One row per visit per carer, in route order, for a spreadsheet.
export function visitsCsv(problem, solution) {
  const { visits } = indexProblem(problem);
  const rows = [['carer', 'order', 'visit', 'location', 'arrival', 'start', 'end', 'duration', 'time_windows', 'carers_needed', 'what_stops_each_carer']];
  for (const route of (solution && solution.routes) || []) {
    let order = 0;
    for (const stop of route.stops || []) {
      if (stop.type !== 'visit') continue;
      order += 1;
      const visit = visits.get(stop.visit) || {};
      const windows = (visit.time_windows || []).map(([from, to]) => `${clock(from)}-${to === null ? '' : clock(to)}`).join(' ');
      rows.push([
        route.carer,
        order,
        stop.visit,
        visit.location ?? '',
        clock(stop.arrival),
        clock(stop.start),
        clock(stop.end),
        Math.round(stop.end - stop.start),
        windows,
        visit.carers_needed || 1,
        '',
      ]);
    }
  }
  for (const item of (solution && solution.unassigned) || []) {
    rows.push(['(unassigned)', '', item.visit, (visits.get(item.visit) || {}).location ?? '', '', '', '', '', item.reason, '', obstaclesText(item.carers)]);
  }
  return toCsv(rows);
}

// Readable reasons for the solver's stable unassigned codes (docs/solver.md).
export const REASONS = {
  no_skilled_carer: 'No carer holds every skill this visit needs',
  capacity: 'Needs more than any suitable carer can take',
  outside_shifts: 'Its time windows fall outside every suitable carer’s shift',
  window_unreachable: 'No suitable carer can get there within its time window and back by the end of the shift',
  carers_fully_booked: 'Could be done, but every suitable carer is fully booked',
};

export const reasonText = (code) => REASONS[code] || String(code).replace(/_/g, ' ');

// What stops one carer from a visit not done (the solver's stable obstacle codes, docs/solver.md).
export const OBSTACLES = {
  booked: 'Fully booked beside their other visits',
  partner: 'Does the other visit that needs a different carer',
  window: 'Cannot get there within its time windows',
  shift_end: 'It would run past the end of their shift',
  travel: 'Could not get back by the end of their shift or within their working time',
  shift: 'Their shift does not cover its time windows',
  skill: 'Lacks a skill it needs',
  excluded: 'Excluded from this visit',
  capacity: 'Not enough capacity',
};

// "Fully booked beside their other visits: amira, ben. Lacks a skill it needs: carl."
// Obstacles in the order above (the nearest to doing the visit first), carers in list order.
export function obstaclesText(carers) {
  if (!Array.isArray(carers) || carers.length === 0) return '';
  const byObstacle = new Map();
  for (const item of carers) {
    if (!byObstacle.has(item.obstacle)) byObstacle.set(item.obstacle, []);
    byObstacle.get(item.obstacle).push(item.carer);
  }
  const order = Object.keys(OBSTACLES);
  const rank = (code) => (order.includes(code) ? order.indexOf(code) : order.length);
  return [...byObstacle.keys()]
    .sort((left, right) => rank(left) - rank(right))
    .map((code) => `${OBSTACLES[code] || String(code).replace(/_/g, ' ')}: ${byObstacle.get(code).join(', ')}.`)
    .join(' ');
}
