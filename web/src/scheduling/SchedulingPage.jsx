// Visit scheduling: send a routing problem (a built-in example or a JSON file) to
// the server as a job (shared/jobs.js), follow the best cost while it runs,
// cancel if wanted, then see the routes on a map, a timeline per carer, the
// visits nobody could do and the totals. The map's text alternative is the table of routes.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { downloadText, formatNumber } from '../shared/format.js';
import { useJob } from '../shared/jobs.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { RouteMap } from './RouteMap.jsx';
import { clock, indexProblem, minutesText, obstaclesText, reasonText, routeColour, solutionTotals, visitsCsv } from './schedule.js';
import { Timeline } from './Timeline.jsx';

const POLL_MS = 250;

export function SchedulingPage() {
  return (
    <RequireAllowed action="scheduling.solve" title="Visit scheduling">
      <Scheduling />
    </RequireAllowed>
  );
}

function Scheduling() {
  const [examples, setExamples] = useState(null);
  const [choice, setChoice] = useState('');
  const [upload, setUpload] = useState({ problem: null, name: null, problemText: null });
  const [timeLimit, setTimeLimit] = useState('5');
  const [fewestCarers, setFewestCarers] = useState(false);
  const [fieldErrors, setFieldErrors] = useState({});
  const [problem, setProblem] = useState(null);
  const { job, busy, running, error, setError, start, stop } = useJob({ pollMs: POLL_MS, failed: 'The planning job failed.', stopOnLeave: true });

  useEffect(() => {
    let live = true;
    api
      .get('/solver/examples')
      .then((body) => {
        if (!live) return;
        const list = Array.isArray(body.examples) ? body.examples : [];
        setExamples(list);
        if (list.length) setChoice((current) => current || list[0].id);
      })
      .catch((caught) => live && setError(caught));
    return () => {
      live = false;
    };
  }, []);

  const readFile = async (event) => {
    const file = event.currentTarget.files && event.currentTarget.files[0];
    if (!file) {
      setUpload({ problem: null, name: null, problemText: null });
      return;
    }
    const text = await file.text();
    try {
      setUpload({ problem: JSON.parse(text), name: file.name, problemText: null });
      setFieldErrors((errors) => ({ ...errors, file: null }));
    } catch {
      setUpload({ problem: null, name: file.name, problemText: text });
      setFieldErrors((errors) => ({ ...errors, file: `${file.name} is not valid JSON` }));
    }
  };

  const submit = async (event) => {
    event.preventDefault();
    setError(null);
    const errors = {};
    const seconds = Number(timeLimit);
    if (!(seconds > 0 && seconds <= 120)) errors.timeLimit = 'Enter a time limit from 1 to 120 seconds';
    let chosen = null;
    if (choice === 'upload') {
      if (!upload.problem) errors.file = upload.problemText ? `${upload.name} is not valid JSON` : 'Choose a problem file (JSON)';
      chosen = upload.problem;
    } else {
      const found = (examples || []).find((item) => item.id === choice);
      chosen = found ? found.problem : null;
      if (!chosen) errors.choice = 'Choose an example or upload a problem';
    }
    setFieldErrors(errors);
    if (Object.values(errors).some(Boolean)) return;
    // The problem's own objective, with the fewest carers put first when asked.
    if (fewestCarers) chosen = { ...chosen, objective: { ...(chosen.objective || {}), fewest_routes_first: true } };
    setProblem(chosen);
    await start(() => api.post('/solver/jobs', { problem: chosen, time_limit_seconds: seconds }));
  };

  const ended = job && (job.status === 'done' || job.status === 'cancelled') && job.result;
  return (
    <>
      <PageTitle title="Visit scheduling">Plan carers’ visits</PageTitle>
      <p class="lead">
        The visit scheduling engine routes carers to visits within their time windows, skills and shifts, keeping travel short. Every visit is either on a carer’s
        route or listed with the reason it could not be done.
      </p>
      <ErrorMessage error={error} title="The schedule could not be made" />
      {examples === null && !error ? (
        <Loading what="Loading the example problems" />
      ) : (
        <form onSubmit={submit} noValidate class="narrow" data-testid="scheduling-form">
          <fieldset class={`field${fieldErrors.choice ? ' field--error' : ''}`}>
            <legend>Problem</legend>
            {fieldErrors.choice && <p class="field-error">{fieldErrors.choice}</p>}
            {(examples || []).map((item) => (
              <div class="choice" key={item.id}>
                <input
                  type="radio"
                  name="problem"
                  id={`problem-${item.id}`}
                  value={item.id}
                  checked={choice === item.id}
                  onChange={() => setChoice(item.id)}
                  aria-describedby={`problem-${item.id}-hint`}
                />
                <label for={`problem-${item.id}`}>
                  {item.title} ({formatNumber(item.visits)} visits, {formatNumber(item.carers)} carers)
                </label>
                <p class="hint" id={`problem-${item.id}-hint`}>
                  {item.description}
                </p>
              </div>
            ))}
            <div class="choice">
              <input type="radio" name="problem" id="problem-upload" value="upload" checked={choice === 'upload'} onChange={() => setChoice('upload')} />
              <label for="problem-upload">Upload a problem (JSON in the format of docs/solver.md)</label>
            </div>
            {choice === 'upload' && (
              <div class={`field${fieldErrors.file ? ' field--error' : ''}`}>
                <label for="problem-file">Problem file</label>
                {fieldErrors.file && (
                  <p class="field-error" id="problem-file-error">
                    {fieldErrors.file}
                  </p>
                )}
                <input id="problem-file" type="file" accept=".json,application/json" onChange={readFile} aria-describedby={fieldErrors.file ? 'problem-file-error' : undefined} />
              </div>
            )}
          </fieldset>
          <div class={`field${fieldErrors.timeLimit ? ' field--error' : ''}`}>
            <label for="time-limit">Time limit (seconds)</label>
            <p class="hint" id="time-limit-hint">
              The engine improves the plan until then; at most 120 seconds. You can stop it sooner and keep the best plan so far.
            </p>
            {fieldErrors.timeLimit && (
              <p class="field-error" id="time-limit-error">
                {fieldErrors.timeLimit}
              </p>
            )}
            <input
              id="time-limit"
              class="input--short"
              type="number"
              min="1"
              max="120"
              step="1"
              inputMode="numeric"
              value={timeLimit}
              onInput={(event) => setTimeLimit(event.currentTarget.value)}
              aria-describedby={['time-limit-hint', fieldErrors.timeLimit ? 'time-limit-error' : ''].filter(Boolean).join(' ')}
            />
          </div>
          <div class="checkbox field">
            <input type="checkbox" id="fewest-carers" checked={fewestCarers} onChange={(event) => setFewestCarers(event.currentTarget.checked)} aria-describedby="fewest-carers-hint" />
            <label for="fewest-carers">Use as few carers as possible</label>
            <p class="hint" id="fewest-carers-hint">
              First free as many carers as the visits allow, then shorten the travel of those left. Half the time goes on each.
            </p>
          </div>
          <button type="submit" class="button" disabled={busy}>
            {busy ? 'Planning…' : 'Plan the visits'}
          </button>
        </form>
      )}
      {running && <SolverProgress job={job} onCancel={stop} />}
      <div aria-live="polite" class="visually-hidden">
        {job && job.status === 'done' ? 'The plan is ready.' : job && job.status === 'cancelled' ? 'Planning was stopped; the best plan so far is shown.' : ''}
      </div>
      {ended && problem && <Result problem={problem} job={job} />}
    </>
  );
}

const costText = (value) => (value === null || value === undefined ? '…' : formatNumber(Math.round(Number(value) * 100) / 100));

function SolverProgress({ job, onCancel }) {
  const progress = job.progress || {};
  const limit = Number(progress.time_limit_seconds) || 0;
  const elapsed = Number(progress.elapsed_seconds) || 0;
  return (
    <div class="job-progress" role="status" data-testid="solver-progress">
      <label for="solver-progress-bar">
        {limit ? `Planning: ${elapsed.toFixed(1)} of ${limit} seconds` : 'Starting…'}
      </label>
      {limit ? <progress id="solver-progress-bar" max={limit} value={Math.min(elapsed, limit)} /> : <progress id="solver-progress-bar" />}
      <p class="solver-progress__best" data-testid="solver-best">
        Best cost so far: <strong>{costText(progress.best_cost)}</strong>
        {progress.unassigned !== null && progress.unassigned !== undefined && <> · {formatNumber(progress.unassigned)} visits unassigned</>}
        {progress.iterations ? <> · about {formatNumber(progress.iterations)} iterations</> : null}
      </p>
      <button type="button" class="button button--secondary" onClick={onCancel} disabled={!job.id} data-testid="solver-cancel">
        Stop and keep the best plan so far
      </button>
    </div>
  );
}

function Result({ problem, job }) {
  const result = job.result;
  const solution = result.solution || {};
  const routes = Array.isArray(solution.routes) ? solution.routes : [];
  const unassigned = Array.isArray(solution.unassigned) ? solution.unassigned : [];
  const totals = solutionTotals(problem, solution);
  const { visits } = indexProblem(problem);
  const check = result.check || {};
  const name = problem.name || 'problem';
  return (
    <section class="result" aria-labelledby="plan-heading" data-testid="scheduling-result">
      <h2 id="plan-heading">{job.status === 'cancelled' ? 'The best plan found before stopping' : 'The plan'}</h2>
      <p data-testid="check-verdict">
        {check.ok
          ? 'The independent checker recomputed every time, window, skill and shift: the plan holds.'
          : `The independent checker found problems: ${(check.violations || []).join('; ')}`}
      </p>
      <dl class="summary-list" data-testid="scheduling-totals">
        <Total label="Carers used" id="carers_used" value={`${formatNumber(totals.carers_used)} of ${formatNumber(totals.carers)}`} raw={totals.carers_used} />
        <Total label="Visits on a route" id="visits_routed" value={`${formatNumber(totals.visits_routed)} of ${formatNumber(totals.visits)}`} raw={totals.visits_routed} />
        <Total label="Visits not done" id="visits_unassigned" value={formatNumber(totals.visits_unassigned)} raw={totals.visits_unassigned} />
        <Total label="Travel" id="travel_time" value={minutesText(totals.travel_time)} raw={totals.travel_time.toFixed(3)} />
        <Total label="Time on visits (all carers)" id="visit_time" value={minutesText(totals.visit_time)} raw={totals.visit_time.toFixed(3)} />
        <Total label="Cost (the engine’s objective)" id="objective" value={costText(solution.cost && solution.cost.objective)} raw={solution.cost && solution.cost.objective} />
      </dl>
      <p class="downloads">
        <button type="button" class="button button--secondary" onClick={() => downloadText(`${name}-solution.json`, JSON.stringify(solution, null, 2) + '\n', 'application/json')}>
          Download the solution (JSON)
        </button>{' '}
        <button type="button" class="button button--secondary" onClick={() => downloadText(`${name}-visits.csv`, visitsCsv(problem, solution))}>
          Download visits per carer (CSV)
        </button>
      </p>
      <h3 id="map-heading">Routes on a map</h3>
      <RouteMap problem={problem} solution={solution} />
      <h3 id="timeline-heading">Each carer’s day</h3>
      <Timeline problem={problem} solution={solution} />
      <h3 id="unassigned-heading">Visits not done ({formatNumber(unassigned.length)})</h3>
      {unassigned.length === 0 ? (
        <p>Every visit is on a carer’s route.</p>
      ) : (
        <TableWrap label="Visits not done">
          <table class="data" data-testid="unassigned-table">
            <thead>
              <tr>
                <th scope="col">Visit</th>
                <th scope="col">Time windows</th>
                <th scope="col">Reason</th>
                <th scope="col">What stops each carer</th>
              </tr>
            </thead>
            <tbody>
              {unassigned.map((item) => (
                <tr key={item.visit}>
                  <th scope="row">{item.visit}</th>
                  <td>{windowsText((visits.get(item.visit) || {}).time_windows)}</td>
                  <td>{reasonText(item.reason)}</td>
                  <td>{obstaclesText(item.carers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h3 id="routes-heading">Routes</h3>
      <RoutesTable routes={routes} visits={visits} />
    </section>
  );
}

function Total({ label, id, value, raw }) {
  return (
    <div class="summary-list__row">
      <dt>{label}</dt>
      <dd data-total={id} data-value={raw}>
        {value}
      </dd>
    </div>
  );
}

export function windowsText(windows) {
  if (!Array.isArray(windows) || windows.length === 0) return 'any time in a shift';
  return windows.map(([from, to]) => `${clock(from)}–${to === null || to === undefined ? 'open' : clock(to)}`).join(', ');
}

// The text alternative to the map: each carer's stops in order.
function RoutesTable({ routes, visits }) {
  return (
    <TableWrap label="Routes, carer by carer">
      <table class="data" id="routes-table" data-testid="routes-table">
        <caption class="visually-hidden">Each carer’s stops in order, with arrival, start and end times</caption>
        <thead>
          <tr>
            <th scope="col">Carer</th>
            <th scope="col">Leaves</th>
            <th scope="col">Stops in order</th>
            <th scope="col">Back</th>
            <th scope="col" class="num">Travel</th>
          </tr>
        </thead>
        <tbody>
          {routes.map((route, route_idx) => (
            <tr key={route.carer} data-carer={route.carer}>
              <th scope="row">
                <span class="swatch" style={{ background: routeColour(route_idx) }} aria-hidden="true" />
                {route.carer}
              </th>
              <td>{clock(route.departure)}</td>
              <td>
                <ol class="stops">
                  {(route.stops || []).map((stop, stop_idx) =>
                    stop.type === 'visit' ? (
                      <li key={stop_idx}>
                        {stop.visit} {clock(stop.start)}–{clock(stop.end)}
                        {stop.start > stop.arrival + 0.5 ? ` (arrives ${clock(stop.arrival)})` : ''}
                        {(visits.get(stop.visit) || {}).carers_needed === 2 ? ' (two carers)' : ''}
                      </li>
                    ) : (
                      <li key={stop_idx}>
                        Break {clock(stop.start)}–{clock(stop.end)}
                      </li>
                    ),
                  )}
                </ol>
              </td>
              <td>{clock(route.return)}</td>
              <td class="num">{minutesText(route.travel_time)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
