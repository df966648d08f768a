// Re-plan an area's care at home (seed 002, 3.9): the open packages, and
// optionally those providers hold today, given to providers so carers travel
// least, run on the server as a job and reported against today's allocation.
// The report is a proposal until the commissioner applies it: after a
// confirmation saying how many packages move and the travel saved, each moved
// package changes provider at once, each change kept. A package changed since
// the re-plan was computed stops it (nothing moves) and is named.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, enc } from '../shared/api.js';
import { ErrorMessage, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { ExportButtons } from '../shared/ExportButtons.jsx';
import { formatNumber, formatPence } from '../shared/format.js';
import { useJob } from '../shared/jobs.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { personText } from './standing.js';

export function ReplanPage() {
  return (
    <RequireAllowed action="allocation.offer" title="Re-plan care at home">
      <Replan />
    </RequireAllowed>
  );
}

const hoursText = (hours) => `${formatNumber(hours)} hours`;

function changesTable(changes) {
  return {
    name: 'care-replan-changes',
    title: 'Re-plan: packages that change provider',
    sheet: 'Changes',
    columns: [
      { title: 'Package', kind: 'number', value: (c) => c.package_id },
      { title: 'Kind', kind: 'code', value: (c) => (c.kind === 'open' ? 'Open: placed' : 'Current: moved') },
      { title: 'Person', kind: 'text', value: personText },
      { title: 'Locality', kind: 'text', value: (c) => c.locality },
      { title: 'From', kind: 'text', value: (c) => c.from || 'Not placed' },
      { title: 'To', kind: 'text', value: (c) => c.to || 'Not placed' },
    ],
    rows: changes,
  };
}

function Replan() {
  const providers = useLoad(() => api.get('/providers'), 'providers');
  const [area, setArea] = useState('');
  const [current, setCurrent] = useState(true);
  const { job, busy, running, error, setError, start, stop } = useJob({ failed: 'The re-plan failed.', stopOnLeave: true });
  const areas = providers.data ? [...new Set(providers.data.providers.flatMap((p) => p.areas))].sort() : [];
  const run = (event) => {
    event.preventDefault();
    setError(null);
    const body = { include_current: current };
    if (area) body.area = area;
    start(() => api.post('/care-packages/replan', body));
  };
  const result = job && job.status === 'done' ? job.result : null;
  return (
    <>
      <PageTitle>Re-plan care at home</PageTitle>
      <p class="lead">
        Give packages to providers so carers travel least, within each provider’s capacity and the framework’s gates. Nothing moves until you apply
        the re-plan.
      </p>
      <form onSubmit={run} class="no-print">
        <div class="field">
          <label for="replan-area">Area</label>
          <select id="replan-area" value={area} onChange={(e) => setArea(e.currentTarget.value)}>
            <option value="">The whole county</option>
            {areas.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div class="checkbox field">
          <input id="replan-current" type="checkbox" checked={current} onChange={(e) => setCurrent(e.currentTarget.checked)} />
          <label for="replan-current">Also move packages providers hold today</label>
        </div>
        <button type="submit" class="button" disabled={busy}>
          Re-plan
        </button>
        {running && (
          <button type="button" class="button button--secondary" onClick={stop}>
            Stop
          </button>
        )}
      </form>
      <ErrorMessage error={error} title="The re-plan could not be made" />
      {running && (
        <p role="status" data-testid="replan-progress">
          Re-planning: pass {job.progress && job.progress.pass !== undefined ? job.progress.pass : 0}
          {job.progress && job.progress.travel_hours_per_week !== undefined ? `, ${hoursText(job.progress.travel_hours_per_week)} of travel a week` : ''}.
        </p>
      )}
      {result && <Report key={job.id} jobId={job.id} result={result} />}
    </>
  );
}

function Report({ jobId, result }) {
  const travel = result.travel_hours_per_week;
  const moving = result.changes.filter((c) => c.kind === 'current');
  return (
    <section aria-labelledby="replan-report-heading">
      <h2 id="replan-report-heading">The re-plan{result.area ? ` of the ${result.area}` : ' of the county'}</h2>
      <dl class="totals" data-testid="replan-totals">
        <div>
          <dt>Travel a week now</dt>
          <dd>{hoursText(travel.current_allocation)}</dd>
        </div>
        <div>
          <dt>Travel a week re-planned</dt>
          <dd>{hoursText(travel.re_planned)}</dd>
        </div>
        <div>
          <dt>Travel saved a week</dt>
          <dd>
            {hoursText(travel.saved)} ({formatPence(result.weekly_cost_pence.saved)})
          </dd>
        </div>
        <div>
          <dt>Packages that change provider</dt>
          <dd>{formatNumber(moving.length)}</dd>
        </div>
      </dl>
      <Apply jobId={jobId} result={result} moving={moving} />
      <h3>Changes</h3>
      <ExportButtons table={changesTable(result.changes)} what="these changes" />
      <TableWrap label="Packages that change provider">
        <table class="data" data-testid="replan-changes">
          <caption>{result.changes.length} packages change provider</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Locality</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
            </tr>
          </thead>
          <tbody>
            {result.changes.map((c) => (
              <tr key={`${c.kind}-${c.package_id}`}>
                <td>
                  {personText(c)}
                  {c.kind === 'open' ? ' (waiting for a provider)' : ''}
                </td>
                <td>{c.locality}</td>
                <td>{c.from || 'Not placed'}</td>
                <td>{c.to || 'Not placed'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function Apply({ jobId, result, moving }) {
  const [asking, setAsking] = useState(false);
  const [sending, setSending] = useState(false);
  const [applied, setApplied] = useState(null);
  const [error, setError] = useState(null);
  const question = useRef(null);
  const outcome = useRef(null);
  useEffect(() => {
    if (asking && question.current) question.current.focus();
  }, [asking]);
  useEffect(() => {
    if (applied && outcome.current) outcome.current.focus();
  }, [applied]);
  if (moving.length === 0) {
    return <p data-testid="replan-nothing-to-apply">No package providers hold today changes provider: there is nothing to apply.</p>;
  }
  if (applied) {
    const proposed = new Map(moving.map((c) => [c.package_id, c]));
    const unplanned = applied.packages.filter((p) => !p.visits_planned).length;
    return (
      <div class="notice" role="status" tabIndex={-1} ref={outcome} data-testid="replan-applied">
        <p>
          Applied: {formatNumber(applied.moved)} packages moved to their new providers, saving {hoursText(applied.travel_hours_per_week_saved)} of
          travel a week ({formatPence(applied.weekly_saving_pence)}). Each change is kept with your name.
          {unplanned > 0 ? ` ${formatNumber(unplanned)} of them wait for their new provider to plan which carers visit.` : ''}
        </p>
        <TableWrap label="Packages moved">
          <table class="data" data-testid="replan-moved">
            <caption>Packages moved</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Locality</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Carers</th>
              </tr>
            </thead>
            <tbody>
              {applied.packages.map((p) => (
                <tr key={p.package_id}>
                  <td>{personText(p)}</td>
                  <td>{p.locality}</td>
                  <td>{(proposed.get(p.package_id) || {}).from}</td>
                  <td>{(proposed.get(p.package_id) || {}).to}</td>
                  <td>{p.visits_planned ? 'Visits given to its carers' : 'To be planned by the provider'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </div>
    );
  }
  const confirm = async () => {
    setSending(true);
    setError(null);
    try {
      setApplied(await api.post(`/care-packages/replan/${enc(jobId)}/apply`, { confirm_moves: moving.length }));
      setAsking(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  };
  const open = result.changes.length - moving.length;
  return (
    <div class="no-print">
      <ErrorMessage error={error} title="The re-plan was not applied" />
      {!asking ? (
        <button type="button" class="button" onClick={() => setAsking(true)}>
          Apply this re-plan
        </button>
      ) : (
        <div class="confirm" role="group" aria-labelledby="replan-confirm-heading" data-testid="replan-confirm">
          <h3 id="replan-confirm-heading" tabIndex={-1} ref={question}>
            Apply this re-plan?
          </h3>
          <p>
            {formatNumber(moving.length)} packages move to new providers now, saving {hoursText(result.travel_hours_per_week.saved)} of travel a week (
            {formatPence(result.weekly_cost_pence.saved)}).
            {open > 0 ? ` The ${formatNumber(open)} open packages it places still go to their providers as offers.` : ''}
          </p>
          <button type="button" class="button" disabled={sending} onClick={confirm}>
            Yes, move {formatNumber(moving.length)} packages
          </button>
          <button type="button" class="button button--secondary" disabled={sending} onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
