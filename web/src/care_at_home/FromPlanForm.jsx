// A package from a person's agreed support plan (seed 002, 3.6): the commissioner
// names the person and lays out the weekly visits; the server checks that the
// visits give exactly the hours of the plan's hourly lines and that the plan is
// agreed, and adds the package waiting for a provider at the person's address.
import { useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { ErrorMessage } from '../shared/components.jsx';
import { Field } from '../shared/forms.jsx';
import { fieldMessage } from '../shared/messages.js';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const LABELS = {
  person_id: 'Person’s Allot number',
  starts_on: 'Starts on',
  visits: 'Visits',
  lines: 'Plan lines',
  model: 'How it is delivered',
};

function labelFor(path) {
  const visit = /^visits\[(\d+)\]\.?(.*)$/.exec(path);
  if (visit) return `Visit ${Number(visit[1]) + 1}${visit[2] ? ` (${visit[2].replace(/_/g, ' ')})` : ''}`;
  const line = /^lines\[(\d+)\]$/.exec(path);
  if (line) return `Plan line ${Number(line[1]) + 1}`;
  return LABELS[path] || path;
}

const blankVisit = () => ({ day: 0, start: '08:00', minutes: 30, carers: 1, tasks: '' });

function minutesOf(time) {
  const [h, m] = String(time || '0:0').split(':').map(Number);
  return (h || 0) * 60 + (m || 0);
}

export function FromPlanForm({ onAdded }) {
  const [person, setPerson] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [model, setModel] = useState('time_and_task');
  const [visits, setVisits] = useState([blankVisit()]);
  const [error, setError] = useState(null);
  const [added, setAdded] = useState(null);
  const [busy, setBusy] = useState(false);
  const errorsFor = (path) => (error && Array.isArray(error.issues) ? error.issues.filter((i) => i.path === path).map((i) => fieldMessage(i, labelFor)) : []);
  const change = (index, key, value) => setVisits(visits.map((v, i) => (i === index ? { ...v, [key]: value } : v)));

  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      const out = await api.post('/open-packages/from-plan', {
        person_id: Number(person) || 0,
        starts_on: startsOn,
        model,
        visits: visits.map((v) => ({
          day_of_week: Number(v.day),
          start_minute: minutesOf(v.start),
          tolerance_minutes: 15,
          duration_minutes: Number(v.minutes) || 0,
          carers: Number(v.carers),
          tasks: v.tasks.split(',').map((t) => t.trim()).filter(Boolean),
        })),
      });
      setAdded(out);
      onAdded && onAdded(out);
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="from-plan-heading">
      <h2 id="from-plan-heading">A package from an agreed support plan</h2>
      <p class="hint">The visits must give exactly the hours of the plan’s hourly lines (a visit with two carers counts twice).</p>
      {error && <ErrorMessage error={error} title="The package was not added" labels={labelFor} />}
      {added && (
        <p role="status" data-testid="from-plan-added">
          Package {added.id} added for person {added.person_reference} from plan version {added.plan_version}: waiting for an offer.
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <Field id="from-plan-person" label={LABELS.person_id} errors={errorsFor('person_id')}>
          {(props) => <input {...props} inputMode="numeric" value={person} onInput={(e) => setPerson(e.currentTarget.value)} />}
        </Field>
        <Field id="from-plan-starts" label={LABELS.starts_on} errors={errorsFor('starts_on')}>
          {(props) => <input {...props} type="date" value={startsOn} onInput={(e) => setStartsOn(e.currentTarget.value)} />}
        </Field>
        <Field id="from-plan-model" label={LABELS.model} errors={errorsFor('model')}>
          {(props) => (
            <select {...props} value={model} onChange={(e) => setModel(e.currentTarget.value)}>
              <option value="time_and_task">Time and task</option>
              <option value="personal_budget">Personal budget model (only eligible providers)</option>
            </select>
          )}
        </Field>
        <fieldset>
          <legend>{LABELS.visits}</legend>
          {errorsFor('visits').length > 0 && (
            <p class="field-error" id="from-plan-visits-error">
              <span class="visually-hidden">Error:</span> {errorsFor('visits').join('; ')}
            </p>
          )}
          {visits.map((visit, index) => (
            <div class="field-row" key={index} data-testid="from-plan-visit">
              <label for={`visit-${index}-day`}>Visit {index + 1} day</label>
              <select id={`visit-${index}-day`} value={visit.day} onChange={(e) => change(index, 'day', e.currentTarget.value)}>
                {DAYS.map((day, d) => (
                  <option value={d} key={day}>
                    {day}
                  </option>
                ))}
              </select>
              <label for={`visit-${index}-start`}>starts</label>
              <input id={`visit-${index}-start`} type="time" value={visit.start} onInput={(e) => change(index, 'start', e.currentTarget.value)} />
              <label for={`visit-${index}-minutes`}>minutes</label>
              <input id={`visit-${index}-minutes`} inputMode="numeric" size="4" value={visit.minutes} onInput={(e) => change(index, 'minutes', e.currentTarget.value)} />
              <label for={`visit-${index}-carers`}>carers</label>
              <select id={`visit-${index}-carers`} value={visit.carers} onChange={(e) => change(index, 'carers', e.currentTarget.value)}>
                <option value="1">1</option>
                <option value="2">2</option>
              </select>
              <label for={`visit-${index}-tasks`}>tasks</label>
              <input id={`visit-${index}-tasks`} value={visit.tasks} onInput={(e) => change(index, 'tasks', e.currentTarget.value)} />
              {visits.length > 1 && (
                <button type="button" class="button--secondary" onClick={() => setVisits(visits.filter((_, i) => i !== index))}>
                  Remove visit {index + 1}
                </button>
              )}
            </div>
          ))}
          <button type="button" class="button--secondary" onClick={() => setVisits([...visits, blankVisit()])}>
            Add a visit
          </button>
        </fieldset>
        <button type="submit" disabled={busy}>
          Add the package
        </button>
      </form>
    </section>
  );
}
