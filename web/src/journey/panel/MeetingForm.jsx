// Recording a Resource Allocation Group meeting as an agenda: the date and the
// members present once for the meeting, then the plans one at a time (or as a
// compact list), each with its decision beside it. A problem, found here or by
// the API (`decisions[i].reason`), is shown next to the decision it concerns,
// listed in the summary by the person's name, and the first one is focused.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../shared/api.js';
import { ErrorMessage } from '../../shared/components.jsx';
import { issuesByPath, issuesFor } from '../../shared/errors.js';
import { formatDate, formatPence, todayIso, toPence } from '../../shared/format.js';
import { Field } from '../../shared/forms.jsx';
import { fieldMessage, plainText } from '../../shared/messages.js';
import { setQuery } from '../../shared/router.js';
import { useSession } from '../../shared/session.js';
import { AgendaItem, DecisionFields, OUTCOMES, decisionBase, planName } from './PanelDecision.jsx';

const OUTCOME_WORDS = Object.fromEntries(OUTCOMES.filter(([code]) => code).map(([code, label]) => [code, label.toLowerCase()]));
const blankMember = () => ({ name: '', role: '', agency: '' });
const keyOf = (plan) => `${plan.person_id}@${plan.plan_version}`;
const MEMBER_FIELDS = [
  ['name', 'Name'],
  ['role', 'Role'],
  ['agency', 'Agency'],
];

export function MeetingForm({ plans, details, lastMeeting, canRecord, view, current, onRecorded }) {
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
  const [focusId, setFocusId] = useState(null);
  const decisionOf = (plan) => decisions[keyOf(plan)] || { outcome: '', amount: '', reason: '', start: '' };
  const setDecision = (plan, patch) => setDecisions((previous) => ({ ...previous, [keyOf(plan)]: { ...decisionOf(plan), ...patch } }));

  // The plans decided here, in agenda order: their index is the API's decisions[i].
  const decided = plans.filter((plan) => decisionOf(plan).outcome);
  const issues = { ...issuesByPath(error), ...local };
  const agreedOf = (plan) => {
    const decision = decisionOf(plan);
    if (decision.outcome === 'approve') return plan.annual_pence;
    if (decision.outcome === 'approve_changed_amount') return toPence(decision.amount);
    return null;
  };
  const needsReason = (plan) => {
    const outcome = decisionOf(plan).outcome;
    const agreed = agreedOf(plan);
    return outcome === 'return' || outcome === 'decline' || (agreed !== null && agreed !== plan.indicative_annual_pence);
  };
  const decisionIssues = (plan) => {
    const index = decided.indexOf(plan);
    const at = (field) => (index < 0 ? [] : issuesFor(issues, `decisions[${index}].${field}`));
    // A refusal of the whole decision (the plan is no longer waiting) names decisions[i] itself.
    const whole = index < 0 ? [] : (error && Array.isArray(error.issues) ? error.issues : []).filter((issue) => issue.path === `decisions[${index}]`).map((issue) => plainText(issue.message));
    return { reason: at('reason'), amount: at('agreed_annual_pence'), start: at('start'), outcome: at('outcome'), other: [...whole, ...at('person_id'), ...at('plan_version')] };
  };
  const hasProblem = (plan) => Object.values(decisionIssues(plan)).some((list) => list.length);

  // The summary: meeting problems by field label, decision problems by the person's name.
  const summary = [];
  const addSummary = (path, message, target) => summary.push({ key: `${path}:${message}`, message, target });
  if (error && Array.isArray(error.issues)) {
    for (const issue of error.issues) {
      const decision = String(issue.path).match(/^decisions\[(\d+)\]/);
      const plan = decision ? decided[Number(decision[1])] : null;
      const words = decision && /^decisions\[\d+\]$/.test(issue.path) ? plainText(issue.message) : fieldMessage(issue);
      addSummary(issue.path, plan ? `Decision on ${planName(plan)}: ${words}` : words, plan ? plan : null);
    }
  }
  for (const [path, messages] of Object.entries(local)) {
    const decision = path.match(/^decisions\[(\d+)\]/);
    const plan = decision ? decided[Number(decision[1])] : null;
    for (const message of messages) addSummary(path, plan ? `Decision on ${planName(plan)}: ${message}` : message, plan);
  }

  // The first field with a problem: its plan comes on screen and it takes focus.
  const focusFirstProblem = (problemPaths) => {
    for (const path of problemPaths) {
      const decision = path.match(/^decisions\[(\d+)\]\.?([a-z_]*)/);
      if (decision) {
        const plan = decided[Number(decision[1])];
        if (!plan) continue;
        const field = { agreed_annual_pence: 'amount', reason: 'reason', start: 'start' }[decision[2]] || 'outcome';
        if (view !== 'list') setQuery({ plan: plan.person_id });
        setFocusId(`${decisionBase(plan)}-${field}`);
        return;
      }
      const member = path.match(/^members\[(\d+)\]\.(name|role|agency)/);
      setFocusId(member ? `member-${member[1]}-${member[2]}` : path === 'held_on' ? 'meeting-held_on' : 'meeting-summary');
      return;
    }
  };
  useEffect(() => {
    if (!focusId) return;
    const target = document.getElementById(focusId) || document.getElementById('meeting-summary');
    if (target) target.focus();
    setFocusId(null);
  }, [focusId, current, view]);

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
      for (const [field, label] of MEMBER_FIELDS) if (!member[field].trim()) problems[`members[${member_idx}].${field}`] = [`Enter member ${member_idx + 1}’s ${label.toLowerCase()}`];
    });
    if (decided.length === 0) problems.decisions = ['Choose a decision for at least one plan'];
    const body = decided.map((plan, decision_idx) => {
      const decision = decisionOf(plan);
      const out = { person_id: plan.person_id, plan_version: plan.plan_version, outcome: decision.outcome, reason: decision.reason.trim() };
      if (decision.outcome === 'approve_changed_amount') {
        const pence = toPence(decision.amount);
        if (pence === null) problems[`decisions[${decision_idx}].agreed_annual_pence`] = ['Agreed amount a year must be an amount of pounds and pence, like 15000 or 15000.50'];
        else out.agreed_annual_pence = pence;
      }
      if (needsReason(plan) && !out.reason) problems[`decisions[${decision_idx}].reason`] = ['Reason is needed: the agreed amount differs from the indicative budget'];
      if (decision.start) out.start = decision.start;
      return out;
    });
    setLocal(problems);
    if (Object.keys(problems).length) {
      focusFirstProblem(Object.keys(problems));
      return;
    }
    setBusy(true);
    try {
      const meeting = await api.post('/panel/meetings', { held_on: heldOn, members: present.map((member) => ({ name: member.name.trim(), role: member.role.trim(), agency: member.agency.trim() })), decisions: body });
      setDecisions({});
      onRecorded(meeting);
    } catch (caught) {
      setError(caught);
      focusFirstProblem((caught.issues || []).map((issue) => issue.path));
    } finally {
      setBusy(false);
    }
  };

  const index = Math.max(0, plans.findIndex((plan) => String(plan.person_id) === String(current)));
  const shownPlans = view === 'list' ? plans : plans.slice(index, index + 1);
  const show = (plan) => setQuery({ plan: plan.person_id });

  return (
    <form onSubmit={submit} noValidate class="meeting" data-view={view}>
      {summary.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1} id="meeting-summary" data-testid="meeting-problems">
          <h2 class="error-summary__title">{error ? 'The meeting was not recorded' : 'Some things need changing before the meeting is recorded'}</h2>
          {error && error.message && <p>{error.message.charAt(0).toUpperCase() + error.message.slice(1)}</p>}
          <ul>
            {summary.map((item) => (
              <li key={item.key}>
                {item.target ? (
                  <button type="button" class="link-button" onClick={() => { if (view !== 'list') show(item.target); setFocusId(`${decisionBase(item.target)}-outcome`); }}>
                    {item.message}
                  </button>
                ) : (
                  item.message
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && !(error.issues && error.issues.length) && <ErrorMessage error={error} title="The meeting was not recorded" />}
      {canRecord && (
        <section class="meeting-details" aria-labelledby="meeting-details-heading">
          <h2 id="meeting-details-heading">The meeting</h2>
          <p class="hint">Recorded once for the whole meeting: every decision below is made by these members on this date.</p>
          <Field id="meeting-held_on" label="Date of the meeting" errors={issuesFor(issues, 'held_on')}>
            {(props) => <input {...props} type="date" class="input--short" value={heldOn} onInput={(event) => setHeldOn(event.currentTarget.value)} />}
          </Field>
          <fieldset>
            <legend>Members present</legend>
            {(issues.members || []).length > 0 && <p class="field-error">{issues.members.join('; ')}</p>}
            {members.map((member, member_idx) => (
              <div class="member-row filters__row" key={member_idx} data-testid="member">
                {MEMBER_FIELDS.map(([field, label]) => (
                  <Field key={field} id={`member-${member_idx}-${field}`} label={`${label} (member ${member_idx + 1})`} errors={issuesFor(issues, `members[${member_idx}].${field}`)}>
                    {(props) => <input {...props} value={member[field]} onInput={(event) => setMembers(members.map((candidate, other_idx) => (other_idx === member_idx ? { ...candidate, [field]: event.currentTarget.value } : candidate)))} />}
                  </Field>
                ))}
              </div>
            ))}
            <button type="button" class="button button--secondary button--small" onClick={() => setMembers([...members, blankMember()])}>
              Add a member
            </button>{' '}
            {lastMeeting && (lastMeeting.members || []).length > 0 && (
              <button type="button" class="button button--secondary button--small" onClick={() => setMembers(lastMeeting.members.map((member) => ({ name: member.name || '', role: member.role || '', agency: member.agency || '' })))}>
                The same members as on {formatDate(lastMeeting.held_on)}
              </button>
            )}
          </fieldset>
        </section>
      )}
      <h2 id="agenda-heading">Agenda ({plans.length} {plans.length === 1 ? 'plan' : 'plans'})</h2>
      <nav aria-labelledby="agenda-heading" class="agenda-list no-print">
        <ol data-testid="agenda">
          {plans.map((plan, plan_idx) => {
            const outcome = decisionOf(plan).outcome;
            const here = view !== 'list' && plan_idx === index;
            return (
              <li key={keyOf(plan)} class={here ? 'agenda-list__current' : ''} data-problem={hasProblem(plan) ? 'yes' : undefined}>
                <button type="button" class="link-button" aria-current={here ? 'step' : undefined} onClick={() => (view === 'list' ? document.getElementById(`agenda-${plan.person_id}`)?.scrollIntoView() : show(plan))}>
                  {planName(plan)}
                </button>{' '}
                <span class="small muted">
                  {formatPence(plan.annual_pence)} a year; {outcome ? `decision: ${OUTCOME_WORDS[outcome] || outcome}` : 'not decided yet'}
                  {hasProblem(plan) ? ' – needs changing' : ''}
                </span>
              </li>
            );
          })}
        </ol>
      </nav>
      {shownPlans.map((plan) => (
        <AgendaItem key={keyOf(plan)} plan={plan} detail={details[plan.person_id]} position={view === 'list' ? null : index + 1} count={plans.length}>
          <DecisionFields plan={plan} decision={decisionOf(plan)} issues={decisionIssues(plan)} needsReason={needsReason(plan)} canRecord={canRecord} onChange={(patch) => setDecision(plan, patch)} />
        </AgendaItem>
      ))}
      {view !== 'list' && plans.length > 1 && (
        <p class="agenda-steps no-print">
          <button type="button" class="button button--secondary" disabled={index === 0} onClick={() => show(plans[index - 1])}>
            Previous plan
          </button>{' '}
          <button type="button" class="button button--secondary" disabled={index >= plans.length - 1} onClick={() => show(plans[index + 1])}>
            Next plan
          </button>
        </p>
      )}
      {canRecord && (
        <div class="actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? 'Recording…' : `Record the meeting${decided.length ? ` and ${decided.length} ${decided.length === 1 ? 'decision' : 'decisions'}` : ''}`}
          </button>
        </div>
      )}
    </form>
  );
}
