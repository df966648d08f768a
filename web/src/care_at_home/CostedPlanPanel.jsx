// The personal budget model (seed 002): a package described by the person's
// outcomes and a weekly budget. The provider's user proposes a costed plan (what
// each line is, the outcomes it serves, hours at a rate or a fixed amount) with a
// running total against the budget; the commissioner agrees the newest proposal
// or sends it back with a reason. The server checks everything again and names
// each problem at its field.
import { useState } from 'preact/hooks';
import { api, enc } from '../shared/api.js';
import { ErrorMessage, Loading } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { Field, FieldError } from '../shared/forms.jsx';
import { formatDate, formatPence, toPence } from '../shared/format.js';
import { fieldMessage } from '../shared/messages.js';

const STATUS = { proposed: 'Waiting for the council', agreed: 'Agreed', sent_back: 'Sent back', superseded: 'Replaced by a newer version' };

function labelFor(path) {
  const m = /^lines\[(\d+)\]\.?([a-z_]*)/.exec(path);
  if (!m) return { lines: 'The plan', reason: 'Reason', decision: 'Answer' }[path] || path;
  const field = { what: 'What it is', outcomes: 'Outcomes', minutes_per_week: 'Hours a week', hourly_pence: 'Rate an hour', fixed_weekly_pence: 'Weekly amount' }[m[2]];
  return field || `Line ${Number(m[1]) + 1}`;
}

const blankLine = () => ({ what: '', outcomes: [], kind: 'hourly', hours: '', rate: '', fixed: '' });

// Hours as typed ("2.5") to whole minutes; null when not a number of hours.
function minutesOf(hours) {
  if (!/^\d+(\.\d+)?$/.test(String(hours).trim())) return null;
  return Math.round(Number(hours) * 60);
}

// The line's weekly cost in pence as the server works it out (hours x rate,
// rounded once to the penny); null while it is incomplete.
function costOf(line) {
  if (line.kind === 'fixed') return toPence(line.fixed);
  const minutes = minutesOf(line.hours);
  const rate = toPence(line.rate);
  if (minutes === null || rate === null) return null;
  return Math.floor((minutes * rate + 30) / 60);
}

export function CostedPlanPanel({ pkg, propose, agree }) {
  const loaded = useLoad(() => api.get(`/care-packages/${enc(pkg.id)}/costed-plans`), `costed-plans:${pkg.id}`);
  if (loaded.loading) return <Loading what="Loading the costed plans" />;
  if (loaded.error) return <ErrorMessage error={loaded.error} title="The costed plans could not be loaded" />;
  const data = loaded.data;
  return (
    <section class="costed-plans" aria-labelledby={`costed-${pkg.id}`} data-testid="costed-plans">
      <h3 id={`costed-${pkg.id}`}>Personal budget: outcomes and costed plan</h3>
      <p data-testid="costed-budget">
        Weekly budget: <strong>{formatPence(data.weekly_budget_pence)}</strong>
      </p>
      <h4>What the person wants to achieve</h4>
      <ul data-testid="costed-outcomes">
        {data.outcomes.map((o) => (
          <li key={o}>{o}</li>
        ))}
      </ul>
      {data.plans.length === 0 ? (
        <p>No costed plan has been proposed yet.</p>
      ) : (
        [...data.plans].reverse().map((plan) => <PlanVersion key={plan.id} plan={plan} canAgree={agree} onAnswered={loaded.reload} />)
      )}
      {propose && <ProposeForm pkg={pkg} outcomes={data.outcomes} budget={data.weekly_budget_pence} onProposed={loaded.reload} />}
    </section>
  );
}

function PlanVersion({ plan, canAgree, onAnswered }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const errorsFor = (path) => (error && Array.isArray(error.issues) ? error.issues.filter((i) => i.path === path).map((i) => fieldMessage(i, labelFor)) : []);
  async function answer(decision) {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/costed-plans/${enc(plan.id)}/answer`, decision === 'agree' ? { decision } : { decision, reason });
      onAnswered();
    } catch (problem) {
      setError(problem);
      setBusy(false);
    }
  }
  return (
    <div class="costed-plan" data-testid="costed-plan" data-version={plan.version} data-status={plan.status}>
      <table class="data">
        <caption>
          Version {plan.version}: {STATUS[plan.status] || plan.status}, proposed by {plan.proposed_by} on {formatDate(plan.proposed_at)}
        </caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Outcomes it serves</th>
            <th scope="col">How</th>
            <th scope="col" class="num">A week</th>
          </tr>
        </thead>
        <tbody>
          {plan.lines.map((line, i) => (
            <tr key={i}>
              <td>{line.what}</td>
              <td>{line.outcomes.join('; ')}</td>
              <td>
                {line.minutes_per_week === null
                  ? 'Fixed weekly amount'
                  : `${Math.round((line.minutes_per_week / 60) * 100) / 100} hours at ${formatPence(line.hourly_pence)} an hour`}
              </td>
              <td class="num">{formatPence(line.cost_pence)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total a week
            </th>
            <td class="num">{formatPence(plan.total_pence)}</td>
          </tr>
        </tfoot>
      </table>
      {plan.status === 'sent_back' && <p data-testid="sent-back-reason">Sent back by {plan.decided_by}: {plan.reason}</p>}
      {plan.status === 'agreed' && <p>Agreed by {plan.decided_by} on {formatDate(plan.decided_at)}.</p>}
      {canAgree && plan.status === 'proposed' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            answer('send_back');
          }}
          noValidate
        >
          {error && !error.issues && <ErrorMessage error={error} title="The plan was not answered" labels={labelFor} />}
          <button type="button" disabled={busy} onClick={() => answer('agree')}>
            Agree version {plan.version}
          </button>
          <Field id={`send-back-${plan.id}`} label="Reason for sending it back" errors={errorsFor('reason').concat(errorsFor('plan'))}>
            {(props) => <textarea {...props} rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
          </Field>
          <button type="submit" class="button--secondary" disabled={busy}>
            Send back version {plan.version}
          </button>
        </form>
      )}
    </div>
  );
}

function ProposeForm({ pkg, outcomes, budget, onProposed }) {
  const [lines, setLines] = useState([blankLine()]);
  const [error, setError] = useState(null);
  const [done, setDone] = useState(null);
  const [busy, setBusy] = useState(false);
  const errorsFor = (path) => (error && Array.isArray(error.issues) ? error.issues.filter((i) => i.path === path || i.path.startsWith(`${path}[`)).map((i) => fieldMessage(i, labelFor)) : []);
  const change = (index, key, value) => setLines(lines.map((l, i) => (i === index ? { ...l, [key]: value } : l)));
  const costs = lines.map(costOf);
  const total = costs.reduce((sum, c) => sum + (c || 0), 0);
  const over = total > budget;

  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const body = {
        lines: lines.map((l) =>
          l.kind === 'fixed'
            ? { what: l.what, outcomes: l.outcomes, fixed_weekly_pence: toPence(l.fixed) ?? -1 }
            : { what: l.what, outcomes: l.outcomes, minutes_per_week: minutesOf(l.hours) ?? -1, hourly_pence: toPence(l.rate) ?? -1 },
        ),
      };
      const out = await api.post(`/care-packages/${enc(pkg.id)}/costed-plans`, body);
      setDone(out);
      setLines([blankLine()]);
      onProposed();
    } catch (problem) {
      setError(problem);
      setBusy(false);
      // Focus the first problem so a keyboard or screen reader user lands on it.
      setTimeout(() => {
        const first = document.querySelector(`#propose-${pkg.id} [aria-invalid="true"], #propose-${pkg.id} .field-error`);
        if (first) first.focus ? first.focus() : null;
      }, 0);
    }
  }

  return (
    <form id={`propose-${pkg.id}`} onSubmit={submit} noValidate data-testid="propose-form">
      <h4>Propose a costed plan</h4>
      {done && (
        <p role="status" data-testid="proposed">
          Version {done.version} sent to the council: {formatPence(done.total_pence)} a week.
        </p>
      )}
      {error && <ErrorMessage error={error} title="The plan was not proposed" labels={labelFor} />}
      <FieldError id={`propose-${pkg.id}-lines-error`} messages={error && Array.isArray(error.issues) ? error.issues.filter((i) => i.path === 'lines').map((i) => fieldMessage(i, labelFor)) : []} />
      {lines.map((line, index) => {
        const base = `pb-${pkg.id}-${index}`;
        return (
          <fieldset key={index} data-testid="propose-line">
            <legend>Line {index + 1}</legend>
            <Field id={`${base}-what`} label="What it is" hint="For example: support to go swimming on Tuesdays" errors={errorsFor(`lines[${index}].what`)}>
              {(props) => <input {...props} value={line.what} onInput={(e) => change(index, 'what', e.currentTarget.value)} />}
            </Field>
            <fieldset>
              <legend>Outcomes it serves</legend>
              <FieldError id={`${base}-outcomes-error`} messages={errorsFor(`lines[${index}].outcomes`)} />
              {outcomes.map((o, k) => (
                <label key={o} class="checkbox">
                  <input
                    type="checkbox"
                    id={`${base}-outcome-${k}`}
                    checked={line.outcomes.includes(o)}
                    onChange={(e) => change(index, 'outcomes', e.currentTarget.checked ? [...line.outcomes, o] : line.outcomes.filter((x) => x !== o))}
                  />{' '}
                  {o}
                </label>
              ))}
            </fieldset>
            <Field id={`${base}-kind`} label="Costed by">
              {(props) => (
                <select {...props} value={line.kind} onChange={(e) => change(index, 'kind', e.currentTarget.value)}>
                  <option value="hourly">Hours a week at an hourly rate</option>
                  <option value="fixed">A fixed weekly amount</option>
                </select>
              )}
            </Field>
            {line.kind === 'hourly' ? (
              <>
                <Field id={`${base}-hours`} label="Hours a week" errors={errorsFor(`lines[${index}].minutes_per_week`)}>
                  {(props) => <input {...props} inputMode="decimal" size="6" value={line.hours} onInput={(e) => change(index, 'hours', e.currentTarget.value)} />}
                </Field>
                <Field id={`${base}-rate`} label="Rate an hour (£)" errors={errorsFor(`lines[${index}].hourly_pence`)}>
                  {(props) => <input {...props} inputMode="decimal" size="8" value={line.rate} onInput={(e) => change(index, 'rate', e.currentTarget.value)} />}
                </Field>
              </>
            ) : (
              <Field id={`${base}-fixed`} label="Weekly amount (£)" errors={errorsFor(`lines[${index}].fixed_weekly_pence`)}>
                {(props) => <input {...props} inputMode="decimal" size="8" value={line.fixed} onInput={(e) => change(index, 'fixed', e.currentTarget.value)} />}
              </Field>
            )}
            <FieldError id={`${base}-error`} messages={error && Array.isArray(error.issues) ? error.issues.filter((i) => i.path === `lines[${index}]`).map((i) => fieldMessage(i, labelFor)) : []} />
            <p>
              This line: <span data-testid="line-cost">{costs[index] === null ? 'not complete' : formatPence(costs[index])}</span> a week
            </p>
            {lines.length > 1 && (
              <button type="button" class="button--secondary" onClick={() => setLines(lines.filter((_, i) => i !== index))}>
                Remove line {index + 1}
              </button>
            )}
          </fieldset>
        );
      })}
      <button type="button" class="button--secondary" onClick={() => setLines([...lines, blankLine()])}>
        Add a line
      </button>
      <p aria-live="polite" data-testid="running-total" class={over ? 'field-error' : ''}>
        Total {formatPence(total)} a week of a {formatPence(budget)} budget
        {over ? `: ${formatPence(total - budget)} over` : `: ${formatPence(budget - total)} left`}
      </p>
      <button type="submit" disabled={busy}>
        Propose this plan
      </button>
    </form>
  );
}
