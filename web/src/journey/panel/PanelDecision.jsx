// One plan on the Resource Allocation Group's agenda: the plan as the panel
// reads it beside the decision on it, with each problem next to the field it
// concerns.
import { formatPence } from '../../shared/format.js';
import { Field, FieldError } from '../../shared/forms.jsx';
import { PlanSummary, differenceWords } from '../plan/PlanSummary.jsx';

export const OUTCOMES = [
  ['', 'Not decided at this meeting'],
  ['approve', 'Approve'],
  ['approve_changed_amount', 'Approve with a changed amount'],
  ['return', 'Return for more work'],
  ['decline', 'Decline'],
];

export const planName = (plan) => `${plan.given_name} ${plan.family_name}`;
export const decisionBase = (plan) => `decision-${plan.person_id}-${plan.plan_version}`;

// The decision's fields; `issues` is {reason, amount, other} (lists of messages).
export function DecisionFields({ plan, decision, issues, needsReason, canRecord, onChange }) {
  const base = decisionBase(plan);
  if (!canRecord) return <p class="small">Only Resource Allocation Group members record decisions.</p>;
  return (
    <fieldset class="decision" data-testid="decision" data-person={plan.person_id}>
      <legend>Decision on {planName(plan)}’s plan</legend>
      <FieldError id={`${base}-other-error`} messages={issues.other} />
      <Field id={`${base}-outcome`} label="Decision" errors={issues.outcome}>
        {(props) => (
          <select {...props} value={decision.outcome} onChange={(event) => onChange({ outcome: event.currentTarget.value })}>
            {OUTCOMES.map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {decision.outcome === 'approve_changed_amount' && (
        <Field id={`${base}-amount`} label="Agreed amount a year (£)" errors={issues.amount}>
          {(props) => <input {...props} class="input--short" inputMode="decimal" value={decision.amount} onInput={(event) => onChange({ amount: event.currentTarget.value })} />}
        </Field>
      )}
      {decision.outcome.startsWith('approve') && (
        <Field id={`${base}-start`} label="Start (optional)" hint="Leave empty to start from the meeting date." errors={issues.start}>
          {(props) => <input {...props} type="date" class="input--short" value={decision.start} onInput={(event) => onChange({ start: event.currentTarget.value })} />}
        </Field>
      )}
      {decision.outcome && (
        <Field id={`${base}-reason`} label={needsReason ? 'Reason (required: the amount differs from the indicative budget)' : 'Reason'} errors={issues.reason}>
          {(props) => <textarea {...props} rows={3} value={decision.reason} onInput={(event) => onChange({ reason: event.currentTarget.value })} />}
        </Field>
      )}
    </fieldset>
  );
}

// The plan in full (when its record has loaded) beside its decision.
export function AgendaItem({ plan, detail, position, count, children }) {
  return (
    <article class="decision-card" id={`agenda-${plan.person_id}`} data-testid="agenda-item" data-person={plan.person_id} aria-labelledby={`agenda-${plan.person_id}-name`}>
      <h3 id={`agenda-${plan.person_id}-name`}>
        {position ? <span class="muted small">Plan {position} of {count}: </span> : null}
        {planName(plan)}
      </h3>
      <p class="small">
        Version {plan.plan_version}: {formatPence(plan.annual_pence)} a year, {differenceWords(plan.difference_pence)}.
      </p>
      {(plan.reasons || []).length > 0 && (
        <ul class="small" aria-label="Why it comes to the panel">
          {plan.reasons.map((reason) => (
            <li key={reason}>{reason.charAt(0).toUpperCase() + reason.slice(1)}</li>
          ))}
        </ul>
      )}
      <div class="decide-layout">
        <section class="decide-layout__plan" aria-label={`The plan for ${planName(plan)}`}>
          {detail && detail.person && detail.plan ? (
            <PlanSummary person={detail.person} plan={detail.plan} idPrefix={`agenda-${plan.person_id}`} headingLevel={4} />
          ) : detail && detail.hidden ? (
            <p class="muted">Support plans are not shown to your role; the amounts above are.</p>
          ) : detail && detail.error ? (
            <p class="field-error">The plan could not be loaded: {detail.error.message}</p>
          ) : (
            <p class="loading">Loading the plan…</p>
          )}
        </section>
        <section class="decide-layout__decision">{children}</section>
      </div>
    </article>
  );
}
