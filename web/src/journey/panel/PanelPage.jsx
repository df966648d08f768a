// The Resource Allocation Group: plans waiting for the panel with their amounts
// against the indicative budgets, and recording a meeting (date, members present
// with role and agency) with a decision and reason for each plan.
import { useState } from 'preact/hooks';
import { api } from '../../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../../shared/components.jsx';
import { useLoad } from '../../shared/data.js';
import { issuesByPath, issuesFor } from '../../shared/errors.js';
import { formatDate, formatPence, todayIso, toPence } from '../../shared/format.js';
import { Field } from '../../shared/forms.jsx';
import { can } from '../../shared/permissions.js';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { useSession } from '../../shared/session.js';
import { codeLabel, personPath } from '../records.jsx';

const OUTCOMES = [
  ['', 'Not decided at this meeting'],
  ['approve', 'Approve'],
  ['approve_changed_amount', 'Approve with a changed amount'],
  ['return', 'Return for more work'],
  ['decline', 'Decline'],
];

export function PanelPage() {
  return (
    <RequireAllowed action="panel.read_queue" title="Resource Allocation Group">
      <Panel />
    </RequireAllowed>
  );
}

function Panel() {
  const { user } = useSession();
  const queue = useLoad(() => api.get('/panel/queue'), 'queue');
  const meetings = useLoad(() => api.get('/panel/meetings'), 'meetings');
  const [recorded, setRecorded] = useState(null);
  const plans = queue.data && Array.isArray(queue.data.plans) ? queue.data.plans : [];
  return (
    <>
      <PageTitle>Resource Allocation Group</PageTitle>
      <p class="lead">Plans above their indicative range, or with NHS funding, come here for a decision with council, NHS and housing colleagues.</p>
      {recorded && (
        <p class="success" role="status" data-testid="meeting-recorded">
          Meeting of {formatDate(recorded.held_on)} recorded with {recorded.decisions.length} {recorded.decisions.length === 1 ? 'decision' : 'decisions'}.
        </p>
      )}
      {queue.loading && <Loading what="Loading the queue" />}
      <ErrorMessage error={queue.error} title="The queue could not be loaded" />
      {queue.data && plans.length === 0 && <p>No plans are waiting for the panel.</p>}
      {queue.data && plans.length > 0 && (
        <MeetingForm
          plans={plans}
          canRecord={can(user, 'panel.record')}
          onRecorded={(meeting) => {
            setRecorded(meeting);
            queue.reload();
            meetings.reload();
          }}
        />
      )}
      <h2>Meetings</h2>
      <ErrorMessage error={meetings.error} title="Meetings could not be loaded" />
      {meetings.data && (
        <ul data-testid="meetings">
          {(meetings.data.meetings || []).slice(0, 10).map((meeting) => (
            <li key={meeting.id}>
              {formatDate(meeting.held_on)}: {(meeting.decisions || []).length} decisions, {(meeting.members || []).length} members present
              {meeting.recorded_by ? `, recorded by ${meeting.recorded_by}` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const blankMember = () => ({ name: '', role: '', agency: '' });

function MeetingForm({ plans, canRecord, onRecorded }) {
  const { user } = useSession();
  const [heldOn, setHeldOn] = useState(todayIso());
  // The member recording the meeting is present: their name and agency start the list.
  const [members, setMembers] = useState(() => [
    { ...blankMember(), name: (user && (user.display_name || user.username)) || '', agency: (user && user.agency && user.agency.name) || '' },
    blankMember(),
  ]);
  const [decisions, setDecisions] = useState({});
  const [error, setError] = useState(null);
  const [local, setLocal] = useState({});
  const [busy, setBusy] = useState(false);
  const keyOf = (plan) => `${plan.person_id}@${plan.plan_version}`;
  const decisionOf = (plan) => decisions[keyOf(plan)] || { outcome: '', amount: '', reason: '', start: '' };
  const setDecision = (plan, patch) => setDecisions({ ...decisions, [keyOf(plan)]: { ...decisionOf(plan), ...patch } });

  // The plans decided here, in order: their index is the API's decisions[i].
  const decided = plans.filter((plan) => decisionOf(plan).outcome);
  const apiIssues = issuesByPath(error);

  const agreedOf = (plan) => {
    const decision = decisionOf(plan);
    if (decision.outcome === 'approve') return plan.annual_pence;
    if (decision.outcome === 'approve_changed_amount') return toPence(decision.amount);
    return null;
  };
  const needsReason = (plan) => {
    const agreed = agreedOf(plan);
    return decisionOf(plan).outcome === 'return' || decisionOf(plan).outcome === 'decline' || (agreed !== null && agreed !== plan.indicative_annual_pence);
  };

  const submit = async (event) => {
    event.preventDefault();
    setError(null);
    const problems = {};
    if (!heldOn) problems.held_on = ['Enter the date of the meeting'];
    const filled = (member) => member.name.trim() || member.role.trim() || member.agency.trim();
    const present = members.filter(filled);
    if (present.length === 0) problems.members = ['Record who was present'];
    members.forEach((member, member_idx) => {
      if (!filled(member)) return;
      for (const field of ['name', 'role', 'agency']) if (!member[field].trim()) problems[`members[${member_idx}].${field}`] = [`Enter the member’s ${field}`];
    });
    if (decided.length === 0) problems.decisions = ['Choose a decision for at least one plan'];
    const body = decided.map((plan, decision_idx) => {
      const decision = decisionOf(plan);
      const out = { person_id: plan.person_id, plan_version: plan.plan_version, outcome: decision.outcome, reason: decision.reason.trim() };
      if (decision.outcome === 'approve_changed_amount') {
        const pence = toPence(decision.amount);
        if (pence === null) problems[`decisions[${decision_idx}].agreed_annual_pence`] = ['Enter the agreed amount in pounds, like 15000'];
        else out.agreed_annual_pence = pence;
      }
      if (needsReason(plan) && !out.reason) {
        problems[`decisions[${decision_idx}].reason`] = ['Give a reason: the agreed amount differs from the indicative budget'];
      }
      if (decision.start) out.start = decision.start;
      return out;
    });
    setLocal(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      const meeting = await api.post('/panel/meetings', { held_on: heldOn, members: present.map((member) => ({ name: member.name.trim(), role: member.role.trim(), agency: member.agency.trim() })), decisions: body });
      setDecisions({});
      onRecorded(meeting);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const issues = { ...apiIssues, ...local };
  const decisionIssues = (plan) => {
    const index = decided.indexOf(plan);
    return index < 0 ? { reason: [], amount: [], other: [] } : {
      reason: issuesFor(issues, `decisions[${index}].reason`),
      amount: issuesFor(issues, `decisions[${index}].agreed_annual_pence`),
      other: [...issuesFor(issues, `decisions[${index}].outcome`), ...issuesFor(issues, `decisions[${index}].person_id`), ...issuesFor(issues, `decisions[${index}].plan_version`), ...issuesFor(issues, `decisions[${index}].start`)],
    };
  };

  return (
    <form onSubmit={submit} noValidate class="meeting">
      {error && <ErrorMessage error={error} title="The meeting was not recorded" />}
      {Object.keys(local).length > 0 && (
        <div class="error-summary" role="alert">
          <h2 class="error-summary__title">Some things need changing before the meeting is recorded</h2>
          <ul>
            {Object.entries(local).map(([path, messages]) => (
              <li key={path}>{messages.join('; ')}</li>
            ))}
          </ul>
        </div>
      )}
      <h2>Plans waiting ({plans.length})</h2>
      <TableWrap label="Plans waiting for the panel">
        <table class="data" data-testid="panel-queue">
          <caption class="visually-hidden">Plans waiting for the panel, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Client group, locality</th>
              <th scope="col" class="num">Plan a year</th>
              <th scope="col" class="num">Indicative</th>
              <th scope="col" class="num">Difference</th>
              <th scope="col">Why it is here</th>
              <th scope="col">Submitted</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((plan) => (
              <tr key={keyOf(plan)}>
                <td>
                  <a href={personPath(plan.person_id)}>
                    {plan.given_name} {plan.family_name}
                  </a>{' '}
                  (version {plan.plan_version})
                </td>
                <td>
                  {codeLabel('client_group', plan.client_group)}, {plan.locality}
                </td>
                <td class="num">{formatPence(plan.annual_pence)}</td>
                <td class="num">{formatPence(plan.indicative_annual_pence)}</td>
                <td class="num">{formatPence(plan.difference_pence)}</td>
                <td>{(plan.reasons || []).join('; ')}</td>
                <td>{formatDate(plan.submitted_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {canRecord ? (
        <>
          <h2>Record a meeting</h2>
          <Field id="meeting-held_on" label="Date of the meeting" errors={issuesFor(issues, 'held_on')}>
            {(props) => <input {...props} type="date" class="input--short" value={heldOn} onInput={(event) => setHeldOn(event.currentTarget.value)} />}
          </Field>
          <fieldset>
            <legend>Members present</legend>
            {issuesFor(issues, 'members').filter(Boolean).length > 0 && !Object.keys(issues).some((key) => key.startsWith('members[')) && (
              <p class="field-error">{issuesFor(issues, 'members').join('; ')}</p>
            )}
            {members.map((member, member_idx) => (
              <div class="member-row filters__row" key={member_idx} data-testid="member">
                {['name', 'role', 'agency'].map((field) => (
                  <Field key={field} id={`member-${member_idx}-${field}`} label={`${field === 'name' ? 'Name' : field === 'role' ? 'Role' : 'Agency'} (member ${member_idx + 1})`} errors={issuesFor(issues, `members[${member_idx}].${field}`)}>
                    {(props) => (
                      <input
                        {...props}
                        value={member[field]}
                        onInput={(event) => setMembers(members.map((candidate, index) => (index === member_idx ? { ...candidate, [field]: event.currentTarget.value } : candidate)))}
                      />
                    )}
                  </Field>
                ))}
              </div>
            ))}
            <button type="button" class="button button--secondary button--small" onClick={() => setMembers([...members, blankMember()])}>
              Add a member
            </button>
          </fieldset>
          <h3>Decisions</h3>
          {plans.map((plan) => {
            const decision = decisionOf(plan);
            const base = `decision-${plan.person_id}-${plan.plan_version}`;
            const own = decisionIssues(plan);
            return (
              <fieldset class="decision" key={keyOf(plan)} data-testid="decision" data-person={plan.person_id}>
                <legend>
                  {plan.given_name} {plan.family_name}: {formatPence(plan.annual_pence)} a year against an indicative {formatPence(plan.indicative_annual_pence)}
                </legend>
                {own.other.length > 0 && <p class="field-error">{own.other.join('; ')}</p>}
                <Field id={`${base}-outcome`} label="Decision">
                  {(props) => (
                    <select {...props} value={decision.outcome} onChange={(event) => setDecision(plan, { outcome: event.currentTarget.value })}>
                      {OUTCOMES.map(([code, label]) => (
                        <option key={code} value={code}>
                          {label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {decision.outcome === 'approve_changed_amount' && (
                  <Field id={`${base}-amount`} label="Agreed amount a year (£)" errors={own.amount}>
                    {(props) => <input {...props} class="input--short" inputMode="decimal" value={decision.amount} onInput={(event) => setDecision(plan, { amount: event.currentTarget.value })} />}
                  </Field>
                )}
                {decision.outcome.startsWith('approve') && (
                  <Field id={`${base}-start`} label="Start (optional)" hint="Leave empty to start from the meeting date.">
                    {(props) => <input {...props} type="date" class="input--short" value={decision.start} onInput={(event) => setDecision(plan, { start: event.currentTarget.value })} />}
                  </Field>
                )}
                {decision.outcome && (
                  <Field
                    id={`${base}-reason`}
                    label={needsReason(plan) ? 'Reason (required: the amount differs from the indicative budget)' : 'Reason'}
                    errors={own.reason}
                  >
                    {(props) => <textarea {...props} rows={2} value={decision.reason} onInput={(event) => setDecision(plan, { reason: event.currentTarget.value })} />}
                  </Field>
                )}
              </fieldset>
            );
          })}
          <div class="actions">
            <button type="submit" class="button" disabled={busy}>
              {busy ? 'Recording…' : `Record the meeting${decided.length ? ` and ${decided.length} ${decided.length === 1 ? 'decision' : 'decisions'}` : ''}`}
            </button>
          </div>
        </>
      ) : (
        <p class="small">Only Resource Allocation Group members record meetings.</p>
      )}
    </form>
  );
}
