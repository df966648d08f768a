// The steps a person's record allows now, each as a small form. Every field a
// step takes is here; the API's 422 issues are shown next to their fields.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, enc } from '../../shared/api.js';
import { ErrorMessage } from '../../shared/components.jsx';
import { issuesByPath, issuesFor } from '../../shared/errors.js';
import { formatDate, formatPence, todayIso, toPence } from '../../shared/format.js';
import { Field } from '../../shared/forms.jsx';
import { can } from '../../shared/permissions.js';
import { useSession } from '../../shared/session.js';
import { CodeSelect, STEP_LABELS } from '../records.jsx';

const opts = (...pairs) => pairs.map(([code, label]) => ({ code, label }));

// name, label, kind (text|textarea|date|select|radios|checkbox|money), options/list, hint, api (the body's key), showIf
export const STEP_FIELDS = {
  contact: [
    { name: 'date', label: 'Date of contact', kind: 'date', initial: () => todayIso() },
    { name: 'route_of_access', label: 'Route of access', kind: 'select', list: 'route_of_access' },
    { name: 'requested_by', label: 'Requested by', kind: 'select', options: opts(['self', 'The person'], ['family', 'Family or friend'], ['gp', 'GP'], ['hospital', 'Hospital'], ['other', 'Someone else']) },
    { name: 'joint_screening', label: 'Screened jointly with the NHS', kind: 'checkbox' },
    { name: 'reason', label: 'What was asked for, and why', kind: 'textarea' },
  ],
  screen: [
    {
      name: 'outcome',
      label: 'Outcome of screening',
      kind: 'radios',
      options: opts(['information_and_advice', 'Information and advice'], ['signposting', 'Signposting'], ['enablement', 'Enablement (short-term support first)'], ['assessment', 'Needs assessment']),
    },
    { name: 'planned_end', label: 'Planned end of enablement', kind: 'date', hint: 'Leave empty for six weeks from today.', showIf: (values) => values.outcome === 'enablement' },
    { name: 'joint', label: 'Joint screening with the NHS', kind: 'checkbox' },
    { name: 'reason', label: 'Reason', kind: 'textarea' },
  ],
  end_enablement: [
    { name: 'outcome', label: 'Outcome of enablement', kind: 'radios', options: opts(['independent', 'Independent: no ongoing support'], ['reduced_need', 'Reduced need: assess'], ['ongoing_support', 'Ongoing support needed: assess']) },
    { name: 'reason', label: 'Reason', kind: 'textarea' },
  ],
  agree_equipment_budget: [
    { name: 'description', label: 'Equipment', kind: 'text' },
    { name: 'amount', api: 'amount_pence', label: 'Amount (£)', kind: 'money' },
    { name: 'start', label: 'Start', kind: 'date', initial: () => todayIso() },
    { name: 'reason', label: 'Why minor equipment meets the need', kind: 'textarea' },
  ],
  decide: [
    {
      name: 'outcome',
      label: 'Decision',
      kind: 'radios',
      options: opts(['approve', 'Approve'], ['approve_changed_amount', 'Approve with a changed amount'], ['return', 'Return for more work'], ['decline', 'Decline']),
    },
    { name: 'agreed_annual', api: 'agreed_annual_pence', label: 'Agreed amount a year (£)', kind: 'money', showIf: (values) => values.outcome === 'approve_changed_amount' },
    { name: 'start', label: 'Start', kind: 'date', initial: () => todayIso(), showIf: (values) => String(values.outcome || '').startsWith('approve') },
    { name: 'reason', label: 'Reason', kind: 'textarea', hint: 'Required when the agreed amount differs from the indicative budget.' },
  ],
  review: [
    { name: 'date', label: 'Date of review', kind: 'date', initial: () => todayIso() },
    { name: 'joint', label: 'Joint review with the NHS', kind: 'checkbox' },
    { name: 'outcome', label: 'Outcome', kind: 'radios', options: opts(['no_change', 'No change'], ['new_plan', 'A new support plan is needed'], ['end', 'End the support']) },
    { name: 'reason', label: 'Reason', kind: 'textarea' },
  ],
  close: [{ name: 'reason', label: 'Reason for closing', kind: 'textarea' }],
};

// A step's fields by the API's path, named by their labels here ("Agreed amount a year").
const labelsOf = (step) => Object.fromEntries((STEP_FIELDS[step] || []).map((field) => [field.api || field.name, field.label.replace(/ \(£\)$/, '')]));

// The action the access policy asks for each step: the team manager's sign-off
// needs people.decide, every other step people.write.
export const STEP_ACTIONS = { decide: 'people.decide' };
export const mayTake = (user, step) => can(user, STEP_ACTIONS[step] || 'people.write');

function initialValues(step) {
  const values = {};
  for (const field of STEP_FIELDS[step] || []) {
    if (field.initial) values[field.name] = field.initial();
    else if (field.kind === 'checkbox') values[field.name] = false;
  }
  return values;
}

function bodyOf(step, values) {
  const body = {};
  for (const field of STEP_FIELDS[step]) {
    if (field.showIf && !field.showIf(values)) continue;
    const value = values[field.name];
    if (field.kind === 'checkbox') body[field.api || field.name] = !!value;
    else if (value === undefined || value === '') continue;
    else if (field.kind === 'money') {
      const pence = toPence(value);
      body[field.api] = pence === null ? value : pence;
    } else body[field.api || field.name] = value;
  }
  return body;
}

// `idPrefix` keeps ids unique when several forms share a page; `autoFocus`
// false when the form is on the page from the start rather than opened.
export function StepForm({ personId, step, onDone, onCancel, idPrefix, autoFocus = true, title }) {
  const prefix = idPrefix || `step-${step}`;
  const [values, setValues] = useState(() => initialValues(step));
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const issues = issuesByPath(error, labelsOf(step));
  const fields = STEP_FIELDS[step] || [];
  const set = (name, value) => setValues((previous) => ({ ...previous, [name]: value }));
  // Opening a step's form puts the keyboard in its first field.
  const form = useRef(null);
  useEffect(() => {
    if (!autoFocus) return;
    const first = form.current && form.current.querySelector('input, select, textarea');
    if (first) first.focus();
  }, []);

  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const path = step === 'contact' ? `/people/${enc(personId)}/contacts` : `/people/${enc(personId)}/steps/${step}`;
      const record = await api.post(path, bodyOf(step, values));
      onDone(record, step);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="step-form" onSubmit={submit} noValidate data-step={step} ref={form} aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>{title || STEP_LABELS[step] || step}</h3>
      <ErrorMessage error={error} title="This step was not recorded" labels={labelsOf(step)} />
      {fields.map((field) => {
        if (field.showIf && !field.showIf(values)) return null;
        const id = `${prefix}-${field.name}`;
        const errors = issuesFor(issues, field.api || field.name);
        if (field.kind === 'checkbox') {
          return (
            <div class="checkbox" key={field.name}>
              <input type="checkbox" id={id} checked={!!values[field.name]} onChange={(event) => set(field.name, event.currentTarget.checked)} />
              <label for={id}>{field.label}</label>
            </div>
          );
        }
        if (field.kind === 'radios') {
          return (
            <fieldset key={field.name} class={errors.length ? 'question--error' : ''} aria-describedby={errors.length ? `${id}-error` : undefined}>
              <legend>{field.label}</legend>
              {errors.length > 0 && (
                <p class="field-error" id={`${id}-error`}>
                  {errors.join('; ')}
                </p>
              )}
              <div class="radios">
                {field.options.map((option) => (
                  <div class="radio" key={option.code}>
                    <input type="radio" id={`${id}--${option.code}`} name={id} checked={values[field.name] === option.code} onChange={() => set(field.name, option.code)} />
                    <label for={`${id}--${option.code}`}>{option.label}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          );
        }
        return (
          <Field key={field.name} id={id} label={field.label} hint={field.hint} errors={errors}>
            {(props) =>
              field.kind === 'select' ? (
                <CodeSelect {...props} list={field.list} options={field.options} value={values[field.name]} onChange={(value) => set(field.name, value)} />
              ) : field.kind === 'textarea' ? (
                <textarea {...props} rows={3} value={values[field.name] || ''} onInput={(event) => set(field.name, event.currentTarget.value)} />
              ) : (
                <input
                  {...props}
                  type={field.kind === 'date' ? 'date' : 'text'}
                  inputMode={field.kind === 'money' ? 'decimal' : undefined}
                  class={field.kind === 'money' || field.kind === 'date' ? 'input--short' : undefined}
                  value={values[field.name] || ''}
                  onInput={(event) => set(field.name, event.currentTarget.value)}
                />
              )
            }
          </Field>
        );
      })}
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Recording…' : STEP_LABELS[step] || 'Record'}
        </button>
        {onCancel && (
          <button type="button" class="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

// Buttons for the steps allowed now; a step with a page of its own is a link.
export function StepsPanel({ person, onChanged }) {
  const { user } = useSession();
  const [open, setOpen] = useState(null);
  const [done, setDone] = useState(null);
  const writer = can(user, 'people.write');
  const steps = Array.isArray(person.allowed_steps) ? person.allowed_steps : [];
  const base = `/people/${enc(person.id)}`;
  const pages = {
    assess: `${base}/assessment`,
    save_plan: `${base}/plan`,
    submit_plan: `${base}/plan#submit`,
    carer_first_stage: `${base}/carer`,
    carer_full_assessment: `${base}/carer#full`,
  };
  // Only the steps this user may take now: the case's state allows them and the
  // session's `allowed` actions include what each step needs. A plan routed to
  // the Resource Allocation Group is decided at a panel meeting, not here.
  const visible = steps.filter((step) => mayTake(user, step) && (step !== 'decide' || !person.sign_off || person.sign_off.route === 'team_manager'));
  if (!writer && visible.length === 0) {
    return (
      <p class="small" data-testid="allowed-steps">
        {person.sign_off
          ? `The plan is waiting for ${person.sign_off.route === 'team_manager' ? 'a team manager' : 'the Resource Allocation Group'} to decide. There is no step for you to take on this record now.`
          : 'There is no step for you to take on this record now.'}
      </p>
    );
  }
  return (
    <section aria-labelledby="steps-heading" class="steps no-print">
      <h2 id="steps-heading">What can be done now</h2>
      {done && (
        <p class="success" role="status">
          {done}
        </p>
      )}
      <ul class="step-buttons" data-testid="allowed-steps">
        {visible.map((step) =>
          pages[step] ? (
            <li key={step}>
              <a class="button button--secondary" href={pages[step]}>
                {STEP_LABELS[step] || step}
              </a>
            </li>
          ) : (
            <li key={step}>
              <button
                type="button"
                class={`button${open === step ? '' : ' button--secondary'}`}
                aria-expanded={open === step ? 'true' : 'false'}
                onClick={() => {
                  setDone(null);
                  setOpen(open === step ? null : step);
                }}
              >
                {STEP_LABELS[step] || step}
              </button>
            </li>
          ),
        )}
      </ul>
      {visible.length === 0 && <p class="small">There is no step for you to take on this record now.</p>}
      {person.sign_off && (
        <p class="small" data-testid="waiting-for">
          {person.sign_off.route === 'resource_allocation_group'
            ? 'This plan waits for the Resource Allocation Group; it is decided in a panel meeting.'
            : can(user, 'people.decide')
              ? 'This plan waits for a team manager’s sign-off.'
              : 'This plan waits for a team manager’s sign-off; a team manager decides it.'}
        </p>
      )}
      {open && STEP_FIELDS[open] && (
        <StepForm
          key={open}
          personId={person.id}
          step={open}
          onCancel={() => setOpen(null)}
          onDone={(record, step) => {
            setOpen(null);
            setDone(`${STEP_LABELS[step] || step}: recorded. The stage is now ${String(record.stage || 'none').replace(/_/g, ' ')}.`);
            onChanged(record);
          }}
        />
      )}
    </section>
  );
}

const DECIDED_BY = { team_manager: 'a team manager', resource_allocation_group: 'the Resource Allocation Group', equipment: 'the equipment route' };

export function BudgetsSideBySide({ person }) {
  const indicative = person.indicative_budget;
  const agreed = person.agreed_budget;
  return (
    <div class="budgets" data-testid="budgets">
      <section class="budget-card" aria-labelledby="indicative-heading">
        <h3 id="indicative-heading">Indicative budget</h3>
        {indicative ? (
          <>
            <p class="amount" data-testid="indicative-annual">
              {formatPence(indicative.annual_pence)}
            </p>
            <p class="small">
              a year ({formatPence(indicative.weekly_pence)} a week); range {formatPence(indicative.lower_annual_pence)} to {formatPence(indicative.upper_annual_pence)}. {indicative.rulebook_id} version{' '}
              {indicative.rulebook_version}.
            </p>
            <p class="small">{indicative.eligible ? 'Eligible for care and support.' : 'Not eligible.'}</p>
          </>
        ) : (
          <p class="muted">Not assessed yet.</p>
        )}
      </section>
      <section class="budget-card" aria-labelledby="agreed-heading">
        <h3 id="agreed-heading">Agreed personal budget</h3>
        {agreed ? (
          <>
            <p class="amount" data-testid="agreed-annual">
              {formatPence(agreed.annual_pence)}
            </p>
            <p class="small">
              a year ({formatPence(agreed.weekly_pence)} a week){agreed.one_off_pence ? `, and ${formatPence(agreed.one_off_pence)} one-off` : ''}; from {formatDate(agreed.start)}, review due {formatDate(agreed.review_due)}.
            </p>
            <p class="small" data-testid="agreed-difference">
              {agreed.difference_pence === null || agreed.difference_pence === undefined ? 'There is no indicative budget to compare with.' : agreed.difference_pence === 0 ? 'The same as the indicative budget.' : `${formatPence(Math.abs(agreed.difference_pence))} ${agreed.difference_pence > 0 ? 'above' : 'below'} the indicative budget.`}
              {' '}Agreed by {DECIDED_BY[agreed.decided_by] || String(agreed.decided_by || '').replace(/_/g, ' ')}.
              {agreed.reason ? (
                <>
                  <br />
                  Reason: {agreed.reason}
                </>
              ) : null}
            </p>
          </>
        ) : (
          <p class="muted">No budget agreed yet.</p>
        )}
      </section>
    </div>
  );
}
