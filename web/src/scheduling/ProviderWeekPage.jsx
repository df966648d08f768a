// A provider's week: its carers' day planned from its own packages by the
// scheduling engine, a day at a time, with people and carers by name. The plan's
// cost is explained: minutes travelling, how late visits would start (beyond
// their tolerance), and each visit left out with the reason and what stops each
// carer. Commissioners choose any provider; a provider's staff see their own.
import { useEffect, useState } from 'preact/hooks';
import { api, enc } from '../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { formatNumber } from '../shared/format.js';
import { useJob } from '../shared/jobs.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { setQuery, useLocation } from '../shared/router.js';
import { OBSTACLES, reasonText } from './schedule.js';

export function ProviderWeekPage() {
  return (
    <RequireAllowed action="scheduling.provider_week" title="Our carers’ week">
      <Week />
    </RequireAllowed>
  );
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const clock = (minute) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(Math.floor(minute % 60)).padStart(2, '0')}`;
const minutes = (value) => `${formatNumber(Math.round(value))} minute${Math.round(value) === 1 ? '' : 's'}`;

function Week() {
  const { query } = useLocation();
  const list = useLoad(() => api.get('/care-at-home/weeks'), 'weeks');
  // Each day's plan as it is made: {provider: {day: totals}}.
  const [planned, setPlanned] = useState({});
  if (list.loading) return <Loading what="Loading your providers" />;
  if (list.error) return <ErrorMessage error={list.error} title="The providers could not be loaded" />;
  const providers = list.data.providers;
  const chosen = query.get('provider') || (providers.length === 1 ? String(providers[0].id) : '');
  const day = Math.min(6, Math.max(0, Number(query.get('day') || 0) || 0));
  return (
    <>
      <PageTitle>Carers’ week</PageTitle>
      <p class="lead">Plan a day of your carers’ visits from your packages: who goes where, in what order, and what it costs in travel and lateness.</p>
      {providers.length === 0 && <p>No provider is linked to your organisation yet, so there is no week to plan.</p>}
      <form class="filters no-print" onSubmit={(event) => event.preventDefault()}>
        {providers.length > 1 && (
          <div class="field field--inline">
            <label for="week-provider">Provider</label>
            <select id="week-provider" value={chosen} onChange={(event) => setQuery({ provider: event.currentTarget.value })}>
              <option value="">Choose a provider</option>
              {providers.map((p) => (
                <option value={String(p.id)}>{p.name}</option>
              ))}
            </select>
          </div>
        )}
        <div class="field field--inline">
          <label for="week-day">Day</label>
          <select id="week-day" value={String(day)} onChange={(event) => setQuery({ day: event.currentTarget.value })}>
            {DAYS.map((name, index) => (
              <option value={String(index)}>{name}</option>
            ))}
          </select>
        </div>
      </form>
      {chosen && (
        <Day
          key={`${chosen}:${day}`}
          provider={chosen}
          day={day}
          onPlanned={(totals) => setPlanned((all) => ({ ...all, [chosen]: { ...(all[chosen] || {}), [day]: totals } }))}
        />
      )}
      {chosen && planned[chosen] && <WeekSoFar days={planned[chosen]} />}
    </>
  );
}

// The week as planned so far, a row a day.
function WeekSoFar({ days }) {
  const made = Object.values(days);
  const sum = (key) => made.reduce((total, totals) => total + totals[key], 0);
  return (
    <section aria-labelledby="week-so-far-heading">
      <h2 id="week-so-far-heading">The week so far</h2>
      <TableWrap label="The week so far">
        <table class="data" data-testid="week-so-far">
          <caption>Each day planned on this page</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Visits planned</th>
              <th scope="col">Travel (minutes)</th>
              <th scope="col">Visits late</th>
              <th scope="col">Left out</th>
            </tr>
          </thead>
          <tbody>
            {DAYS.map((name, index) =>
              days[index] ? (
                <tr>
                  <th scope="row">{name}</th>
                  <td class="num">{`${formatNumber(days[index].planned)} of ${formatNumber(days[index].visits)}`}</td>
                  <td class="num">{formatNumber(Math.round(days[index].travel))}</td>
                  <td class="num">{formatNumber(days[index].late)}</td>
                  <td class="num">{formatNumber(days[index].left_out)}</td>
                </tr>
              ) : (
                <tr>
                  <th scope="row">{name}</th>
                  <td colSpan={4}>Not planned yet</td>
                </tr>
              ),
            )}
          </tbody>
          {made.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row">Days planned</th>
                <td class="num">{`${formatNumber(sum('planned'))} of ${formatNumber(sum('visits'))}`}</td>
                <td class="num">{formatNumber(Math.round(sum('travel')))}</td>
                <td class="num">{formatNumber(sum('late'))}</td>
                <td class="num">{formatNumber(sum('left_out'))}</td>
              </tr>
            </tfoot>
          )}
        </table>
      </TableWrap>
    </section>
  );
}

function Day({ provider, day, onPlanned }) {
  const loaded = useLoad(() => api.get(`/care-at-home/providers/${enc(provider)}/week?day=${day}`), `${provider}:${day}`);
  const { job, running, error, start, stop } = useJob({ failed: 'The planning job failed.', stopOnLeave: true });
  if (loaded.loading) return <Loading what="Loading the day’s visits" />;
  if (loaded.error) return <ErrorMessage error={loaded.error} title="The week could not be loaded" />;
  const week = loaded.data;
  const ended = job && (job.status === 'done' || job.status === 'cancelled') && job.result;
  const plan = () => start(() => api.post('/solver/jobs', { problem: week.problem, time_limit_seconds: 8 }));
  return (
    <section aria-labelledby="week-day-heading">
      <h2 id="week-day-heading">
        {week.provider.name}: {week.day_name}
      </h2>
      <p data-testid="week-summary">
        {formatNumber(week.visits.length)} visits for {formatNumber(new Set(week.carers.map((c) => c.carer_id)).size)} carers on shift (of {formatNumber(week.carers_employed)}{' '}
        employed). This week: {week.visits_by_day.map((count, index) => `${DAYS[index].slice(0, 3)} ${formatNumber(count)}`).join(', ')} visits.
        {week.packages_without_place > 0 && ` ${formatNumber(week.packages_without_place)} packages have no place recorded and are not planned.`}
      </p>
      <p class="no-print">
        <button type="button" class="button" onClick={plan} disabled={running || week.visits.length === 0}>
          Plan {week.day_name}
        </button>{' '}
        {running && (
          <button type="button" class="button button--secondary" onClick={stop}>
            Stop and keep the best plan so far
          </button>
        )}
      </p>
      {running && (
        <p role="status" data-testid="week-running">
          Planning… {job.progress && job.progress.detail && job.progress.detail.elapsed_seconds ? `${Math.round(job.progress.detail.elapsed_seconds)} s` : ''}
        </p>
      )}
      {error && <ErrorMessage error={error} title="The day could not be planned" />}
      {ended && <Plan week={week} solution={job.result.solution || {}} onPlanned={onPlanned} />}
    </section>
  );
}

// Names for the solver's ids, and the cost explained.
function Plan({ week, solution, onPlanned }) {
  const carerOf = new Map(week.carers.map((c) => [c.solver_id, c]));
  const visitOf = new Map(week.visits.map((v) => [v.solver_id, v]));
  const carerName = (id) => (carerOf.get(id) || { name: id }).name;
  const routes = Array.isArray(solution.routes) ? solution.routes : [];
  const unassigned = Array.isArray(solution.unassigned) ? solution.unassigned : [];
  let travel = 0;
  // A double-handed visit is on two routes: its lateness counts once.
  const lateBy = new Map();
  const rows = routes.map((route) => {
    travel += Number(route.travel_time) || 0;
    const stops = (route.stops || [])
      .filter((stop) => stop.type === 'visit')
      .map((stop) => {
        const visit = visitOf.get(stop.visit) || {};
        const due = (visit.start_minute || 0) + (visit.tolerance_minutes || 0);
        const late = Math.max(0, stop.start - due);
        if (late > 0.5) lateBy.set(stop.visit, Math.max(late, lateBy.get(stop.visit) || 0));
        return { stop, visit, lateBy: late };
      });
    return { route, carer: carerOf.get(route.carer) || { name: route.carer, shift: '', base: '' }, stops };
  });
  const late = lateBy.size;
  const lateness = [...lateBy.values()].reduce((total, value) => total + value, 0);
  useEffect(() => {
    onPlanned({ visits: week.visits.length, planned: new Set(rows.flatMap((row) => row.stops.map(({ stop }) => stop.visit))).size, travel, late, left_out: unassigned.length });
  }, [solution]);
  const obstacles = (item) => {
    const byObstacle = new Map();
    for (const entry of item.carers || []) {
      if (!byObstacle.has(entry.obstacle)) byObstacle.set(entry.obstacle, new Set());
      byObstacle.get(entry.obstacle).add(carerName(entry.carer));
    }
    return [...byObstacle.entries()].map(([code, names]) => `${OBSTACLES[code] || code}: ${[...names].join(', ')}.`).join(' ');
  };
  return (
    <>
      <h3>What the plan costs</h3>
      <ul data-testid="week-cost">
        <li>
          Travel: {minutes(travel)} ({(travel / 60).toFixed(1)} hours) across {routes.length} {routes.length === 1 ? 'route' : 'routes'}.
        </li>
        <li>
          Lateness: {late === 0 ? 'every visit starts within its tolerance.' : `${late} ${late === 1 ? 'visit starts' : 'visits start'} after its tolerance, ${minutes(lateness)} in all.`}
        </li>
        <li>
          Left out: {unassigned.length === 0 ? 'none; every visit is planned.' : `${unassigned.length} ${unassigned.length === 1 ? 'visit' : 'visits'}, listed below with the reason.`}
        </li>
      </ul>
      {unassigned.length > 0 && (
        <TableWrap label="Visits left out">
          <table class="data" data-testid="week-left-out">
            <caption>Visits left out, and why</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Time</th>
                <th scope="col">Needs</th>
                <th scope="col">Why</th>
                <th scope="col">What stops each carer</th>
              </tr>
            </thead>
            <tbody>
              {unassigned.map((item) => {
                const visit = visitOf.get(item.visit) || { person: item.visit, tasks: [] };
                return (
                  <tr>
                    <td>{visit.person}</td>
                    <td>{visit.start_minute === undefined ? '' : clock(visit.start_minute)}</td>
                    <td>{(visit.tasks || []).join(', ')}{visit.carers_needed === 2 ? ' (two carers)' : ''}</td>
                    <td>{reasonText(item.reason)}</td>
                    <td>{obstacles(item)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h3>Each carer’s day</h3>
      {rows.map(({ route, carer, stops }) => (
        <TableWrap label={`${carer.name}’s visits`}>
          <table class="data" data-testid="week-route">
            <caption>
              {carer.name}, {carer.shift} from {carer.base}: {stops.length} visits, {minutes(route.travel_time || 0)} travelling
            </caption>
            <thead>
              <tr>
                <th scope="col">Starts</th>
                <th scope="col">Person</th>
                <th scope="col">Due</th>
                <th scope="col">Minutes</th>
                <th scope="col">Tasks</th>
                <th scope="col">Late by</th>
              </tr>
            </thead>
            <tbody>
              {stops.map(({ stop, visit, lateBy }) => (
                <tr>
                  <td>{clock(stop.start)}</td>
                  <td>{visit.person}</td>
                  <td>{visit.start_minute === undefined ? '' : `${clock(visit.start_minute)} ± ${visit.tolerance_minutes}`}</td>
                  <td class="num">{visit.duration_minutes}</td>
                  <td>{(visit.tasks || []).join(', ')}{visit.carers_needed === 2 ? ' (with a second carer)' : ''}</td>
                  <td class="num">{lateBy > 0.5 ? minutes(lateBy) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ))}
    </>
  );
}
