// The support plan builder: outcomes in the person's words, costed lines, running
// weekly and annual totals against the indicative range, drafts saved as the
// user types, saving a new version (409 on a stale version keeps the lines) and
// submitting for sign-off.
import { useState } from 'preact/hooks';
import { api, enc } from '../../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../../shared/components.jsx';
import { useLoad } from '../../shared/data.js';
import { useDirectory } from '../../shared/directory.js';
import { issuesByPath, issuesFor } from '../../shared/errors.js';
import { formatDate, formatPence } from '../../shared/format.js';
import { Field } from '../../shared/forms.jsx';
import { can } from '../../shared/permissions.js';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { useSession } from '../../shared/session.js';
import { DraftStatus, useDraft } from '../drafts.jsx';
import { CodeSelect, fullName, getPerson, personPath, stageLabel } from '../records.jsx';
import { PlanSummary, planVersionOf } from './PlanSummary.jsx';
import { RangeBar } from './RangeBar.jsx';
import { DELIVERY, UNITS, blankLine, lineForApi, lineFromApi, planTotals, weeklyPence } from './totals.js';

export function PlanPage({ id }) {
  return (
    <RequireAllowed action="people.read" title="Support plan">
      <Plan id={id} />
    </RequireAllowed>
  );
}

const latestOf = (plans) => (plans.length ? plans[plans.length - 1] : null);

function Plan({ id }) {
  const loaded = useLoad(async () => {
    const [person, plans] = await Promise.all([getPerson(id), api.get(`/people/${enc(id)}/plans`)]);
    return { person, plans: Array.isArray(plans.plans) ? plans.plans : [] };
  }, id);
  const draft = useDraft(id, 'plan');
  if (loaded.loading || draft.status === 'loading') return <Loading what="Loading the support plan" />;
  if (loaded.error) return <ErrorMessage error={loaded.error} title="The plan could not be loaded" />;
  return <PlanBuilder initialPerson={loaded.data.person} initialPlans={loaded.data.plans} draft={draft} />;
}

// Who decides a submitted plan, in words.
export const deciderWords = (route) => (route === 'team_manager' ? 'a team manager' : 'the Resource Allocation Group');

// Once a plan is submitted (or the person is past support planning, or the user
// may not change plans) the page is read-only: where the plan is, who decides,
// and the plan as the decider sees it.
function PlanReadOnly({ person, plans, canWrite }) {
  const signOff = person.sign_off;
  const agreed = person.agreed_budget;
  const shown = planVersionOf(plans, signOff ? signOff.plan_version : agreed && agreed.plan_version ? agreed.plan_version : undefined);
  return (
    <>
      <p class="breadcrumbs">
        <a href={personPath(person.id)}>{fullName(person)}</a>
      </p>
      <PageTitle title={`Support plan: ${fullName(person)}`}>Support plan: {fullName(person)}</PageTitle>
      <div class="notice plan-status" data-testid="sign-off-route" role="status">
        {signOff ? (
          <>
            <p>
              <strong>Version {signOff.plan_version} was submitted{signOff.submitted_at ? ` on ${formatDate(signOff.submitted_at)}` : ''} and is waiting for a decision by {deciderWords(signOff.route)}</strong>
              {signOff.route === 'team_manager' ? (person.team ? ` (${person.team})` : '') : ' at its next meeting'}.
            </p>
            <p class="small">The plan cannot be changed while it waits. If it is returned, a new version can be built from it.</p>
          </>
        ) : agreed ? (
          <p>
            <strong>The budget was agreed</strong>
            {agreed.plan_version ? ` from version ${agreed.plan_version}` : ''}: {formatPence(agreed.annual_pence)} a year from {formatDate(agreed.start)}, decided by{' '}
            {agreed.decided_by === 'equipment' ? 'the equipment route' : deciderWords(agreed.decided_by)}.
          </p>
        ) : (
          <p>
            <strong>Stage: {stageLabel(person.stage)}.</strong> {canWrite ? 'Plans are built at the support planning stage.' : 'You can read this plan; changing it needs an assessor or team manager.'}
          </p>
        )}
      </div>
      {shown ? <PlanSummary person={person} plan={shown} headingLevel={2} /> : <p class="muted">No plan version has been saved.</p>}
      <PlanVersions plans={plans} indicative={person.indicative_budget} />
    </>
  );
}

function startingDocument(draft, latest) {
  if (draft.initial && draft.initial.document) return draft.initial.document;
  if (latest) return { outcomes: [...latest.outcomes], lines: latest.lines.map(lineFromApi) };
  return { outcomes: [''], lines: [blankLine()] };
}

function PlanBuilder({ initialPerson, initialPlans, draft }) {
  const { user } = useSession();
  const canWrite = can(user, 'people.write');
  const [person, setPerson] = useState(initialPerson);
  const [plans, setPlans] = useState(initialPlans);
  const [expected, setExpected] = useState(latestOf(initialPlans) ? latestOf(initialPlans).version : 0);
  const [doc, setDoc] = useState(() => startingDocument(draft, latestOf(initialPlans)));
  const [error, setError] = useState(null);
  const [local, setLocal] = useState({});
  const [conflict, setConflict] = useState(null);
  const [saved, setSaved] = useState(null);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(!!(draft.initial && draft.initial.document));
  const issues = { ...issuesByPath(error), ...local };

  const update = (patch) => {
    setDoc((previous) => {
      const next = { ...previous, ...patch };
      draft.change(next);
      return next;
    });
    setDirty(true);
    setSaved(null);
  };
  const setLine = (index, patch) => update({ lines: doc.lines.map((line, line_idx) => (line_idx === index ? { ...line, ...patch } : line)) });
  const setOutcome = (index, text) => update({ outcomes: doc.outcomes.map((outcome, outcome_idx) => (outcome_idx === index ? text : outcome)) });

  const totals = planTotals(doc.lines);
  const indicative = person.indicative_budget;
  const difference = indicative ? totals.annual_pence - indicative.annual_pence : null;
  const latest = latestOf(plans);

  const save = async (event) => {
    event.preventDefault();
    setError(null);
    setConflict(null);
    const problems = {};
    const lines = doc.lines.map((line, line_idx) => {
      const converted = lineForApi(line);
      for (const [field, message] of Object.entries(converted.problems)) problems[`lines[${line_idx}].${field}`] = [message];
      return converted.line;
    });
    setLocal(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    draft.pause();
    try {
      const record = await api.post(`/people/${enc(person.id)}/steps/save_plan`, { expected_version: expected, outcomes: doc.outcomes.map((outcome) => outcome.trim()), lines });
      const fresh = await api.get(`/people/${enc(person.id)}/plans`);
      const list = Array.isArray(fresh.plans) ? fresh.plans : [];
      draft.finished();
      setPerson(record);
      setPlans(list);
      setExpected(latestOf(list) ? latestOf(list).version : 0);
      setDirty(false);
      setSaved(`Saved as version ${latestOf(list) ? latestOf(list).version : ''}.`);
    } catch (caught) {
      draft.change(doc);
      if (caught.status === 409) setConflict(caught);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  // After a conflict: read the newest version number, keep every line typed here.
  const takeNewest = async () => {
    try {
      const fresh = await api.get(`/people/${enc(person.id)}/plans`);
      const list = Array.isArray(fresh.plans) ? fresh.plans : [];
      setPlans(list);
      setExpected(latestOf(list) ? latestOf(list).version : 0);
      setConflict(null);
    } catch (caught) {
      setError(caught);
    }
  };

  const submitPlan = async () => {
    setError(null);
    setBusy(true);
    try {
      setPerson(await api.post(`/people/${enc(person.id)}/steps/submit_plan`, { version: latest.version }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const canSave = Array.isArray(person.allowed_steps) && person.allowed_steps.includes('save_plan');
  if (!canWrite || (person.stage !== 'support_planning' && latest)) return <PlanReadOnly person={person} plans={plans} canWrite={canWrite} />;
  const canSubmit = Array.isArray(person.allowed_steps) && person.allowed_steps.includes('submit_plan') && latest && !dirty;

  return (
    <>
      <p class="breadcrumbs">
        <a href={personPath(person.id)}>{fullName(person)}</a>
      </p>
      <PageTitle title={`Support plan: ${fullName(person)}`}>Support plan: {fullName(person)}</PageTitle>
      <p class="small">
        Stage: {stageLabel(person.stage)}. {latest ? `Latest saved version: ${latest.version}.` : 'No version saved yet.'}
      </p>
      {draft.initial && draft.initial.restored && <p class="notice">What you typed earlier and had not been saved was kept in this browser and is back on this page.</p>}
      <DraftStatus
        draft={draft}
        current={doc}
        onTheirs={(theirs) => theirs && setDoc(theirs)}
        onRestore={update}
        restoreLabel="Put my lines back"
      />
      {conflict && (
        <div class="error-summary" role="alert" data-testid="plan-conflict">
          <h2 class="error-summary__title">Someone saved a newer version of this plan</h2>
          <p>{conflict.message}</p>
          <p>Every line you typed is still here. Look at the newest version on the person’s record if you need to, then save yours as the next version.</p>
          <button type="button" class="button" onClick={takeNewest}>
            Save mine as the next version
          </button>
        </div>
      )}
      <ErrorMessage error={error} title="The plan was not saved" />
      {saved && (
        <p class="success" role="status" data-testid="plan-saved">
          {saved}
        </p>
      )}
      <div class="plan-layout">
        <form class="plan" onSubmit={save} noValidate>
          <fieldset>
            <legend>Outcomes, in the person’s words</legend>
            {issuesFor(issues, 'outcomes').length > 0 && <p class="field-error">{issuesFor(issues, 'outcomes').join('; ')}</p>}
            {doc.outcomes.map((outcome, outcome_idx) => (
              <div class="plan-outcome" key={outcome_idx}>
                <Field id={`outcome-${outcome_idx}`} label={`Outcome ${outcome_idx + 1}`} errors={issuesFor(issues, `outcomes[${outcome_idx}]`)}>
                  {(props) => <textarea {...props} rows={2} value={outcome} onInput={(event) => setOutcome(outcome_idx, event.currentTarget.value)} />}
                </Field>
                {doc.outcomes.length > 1 && (
                  <button type="button" class="link-button" onClick={() => update({ outcomes: doc.outcomes.filter((_, index) => index !== outcome_idx) })}>
                    Remove outcome {outcome_idx + 1}
                  </button>
                )}
              </div>
            ))}
            <button type="button" class="button button--secondary button--small" onClick={() => update({ outcomes: [...doc.outcomes, ''] })}>
              Add an outcome
            </button>
          </fieldset>

          <h2>Support and its cost</h2>
          <p class="hint">Community and unpaid support go in as lines costing £0, so the plan shows everything that meets the outcomes.</p>
          {doc.lines.map((line, line_idx) => (
            <PlanLineFields key={line_idx} index={line_idx} line={line} issues={issues} onChange={(patch) => setLine(line_idx, patch)} onRemove={() => update({ lines: doc.lines.filter((_, index) => index !== line_idx) })} />
          ))}
          <p>
            <button type="button" class="button button--secondary" onClick={() => update({ lines: [...doc.lines, blankLine()] })}>
              Add a line
            </button>
          </p>
          <div class="actions">
            <button type="submit" class="button" disabled={busy || !canSave}>
              {busy ? 'Saving…' : `Save as version ${expected + 1}`}
            </button>
          </div>
          {!canSave && <p class="small">Plans can be saved at the support planning stage.</p>}
        </form>

        <p class="live-compact" aria-hidden="true">
          <a href="#totals-heading" tabIndex={-1}>
            {formatPence(totals.weekly_pence)} a week, {formatPence(totals.annual_pence)} a year
            {difference !== null ? `; ${difference === 0 ? 'the same as' : `${formatPence(Math.abs(difference))} ${difference > 0 ? 'above' : 'below'}`} the indicative budget` : ''}
          </a>
        </p>
        <aside class="plan-totals" aria-labelledby="totals-heading">
          <h2 id="totals-heading">Totals</h2>
          <dl class="facts facts--grid" aria-live="polite" aria-atomic="true" data-testid="plan-totals">
            <dt>A week</dt>
            <dd data-testid="total-weekly">{formatPence(totals.weekly_pence)}</dd>
            <dt>A year</dt>
            <dd data-testid="total-annual">{formatPence(totals.annual_pence)}</dd>
            {totals.one_off_pence ? (
              <>
                <dt>Of which one-off</dt>
                <dd>{formatPence(totals.one_off_pence)}</dd>
              </>
            ) : null}
            <dt>Council a year</dt>
            <dd>{formatPence(totals.annual_council_pence)}</dd>
            <dt>NHS a year</dt>
            <dd>{formatPence(totals.annual_nhs_pence)}</dd>
            <dt>Indicative budget</dt>
            <dd>{indicative ? formatPence(indicative.annual_pence) : 'not assessed'}</dd>
            {difference !== null && (
              <>
                <dt>Difference</dt>
                <dd data-testid="total-difference">
                  {difference === 0 ? 'none' : `${formatPence(Math.abs(difference))} ${difference > 0 ? 'above' : 'below'}`}
                </dd>
              </>
            )}
          </dl>
          {indicative && <RangeBar total={totals.annual_pence} lower={indicative.lower_annual_pence} upper={indicative.upper_annual_pence} indicative={indicative.annual_pence} />}
          <section id="submit" aria-labelledby="submit-heading">
            <h2 id="submit-heading">Sign-off</h2>
            {person.sign_off ? (
              <div data-testid="sign-off-route">
                <p>
                  Version {person.sign_off.plan_version} has been submitted and goes to the{' '}
                  <strong>{person.sign_off.route === 'team_manager' ? 'team manager' : 'Resource Allocation Group'}</strong>.
                </p>
                <ul>
                  {(person.sign_off.reasons || []).map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </div>
            ) : (
              <>
                <p class="small">Within the indicative range, a team manager signs off; above it, or with any NHS-funded line, the Resource Allocation Group decides.</p>
                <button type="button" class="button" disabled={!canSubmit || busy} onClick={submitPlan}>
                  {latest ? `Submit version ${latest.version} for sign-off` : 'Submit for sign-off'}
                </button>
                {dirty && latest && <p class="small">Save your changes as a new version before submitting.</p>}
              </>
            )}
          </section>
        </aside>
      </div>
      <PlanVersions plans={plans} indicative={indicative} onStartFrom={(plan) => update({ outcomes: [...plan.outcomes], lines: plan.lines.map(lineFromApi) })} />
    </>
  );
}

// Every saved version is kept; a new version can start from any of them.
function PlanVersions({ plans, indicative, onStartFrom }) {
  const { userName } = useDirectory();
  const startable = typeof onStartFrom === 'function';
  if (!plans.length) return null;
  return (
    <section class="plan-versions" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Saved versions</h2>
      <TableWrap label="Saved versions of the plan">
        <table class="data" data-testid="plan-versions">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Saved</th>
              <th scope="col" class="num">A year</th>
              <th scope="col" class="num">Against indicative</th>
              {startable && (
                <th scope="col">
                  <span class="visually-hidden">Start from</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {[...plans].reverse().map((plan) => (
              <tr key={plan.version}>
                <td>{plan.version}</td>
                <td>
                  {formatDate(plan.created_at)} by {userName(plan.created_by)}
                </td>
                <td class="num">{formatPence(plan.totals && plan.totals.annual_pence)}</td>
                <td class="num">{indicative && plan.difference_from_indicative_pence !== null && plan.difference_from_indicative_pence !== undefined ? formatPence(plan.difference_from_indicative_pence) : ''}</td>
                {startable && (
                  <td>
                    <button type="button" class="link-button" onClick={() => onStartFrom(plan)}>
                      Start from version {plan.version}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function PlanLineFields({ index, line, issues, onChange, onRemove }) {
  const base = `line-${index}`;
  const err = (field) => issuesFor(issues, `lines[${index}].${field}`);
  const oneOff = line.unit === 'one_off';
  const input = (field, extra = {}) => (props) => <input {...props} {...extra} value={line[field] ?? ''} onInput={(event) => onChange({ [field]: event.currentTarget.value })} />;
  const { line: converted } = lineForApi(line);
  const weekly = oneOff ? 0 : weeklyPence(converted.units_per_week, converted.unit_cost_pence);
  return (
    <fieldset class="plan-line" data-testid="plan-line">
      <legend>Line {index + 1}</legend>
      <div class="plan-line__grid">
        <Field id={`${base}-description`} label="Description" errors={err('description')}>
          {input('description')}
        </Field>
        <Field id={`${base}-service_component`} label="Service component" errors={err('service_component')}>
          {(props) => <CodeSelect {...props} list="service_component" value={line.service_component} onChange={(value) => onChange({ service_component: value })} />}
        </Field>
        <Field id={`${base}-provider`} label="Provider (optional)" errors={err('provider')}>
          {input('provider')}
        </Field>
        <Field id={`${base}-unit`} label="Unit" errors={err('unit')}>
          {(props) => <CodeSelect {...props} options={UNITS.map(([code, label]) => ({ code, label }))} blank="Choose…" value={line.unit} onChange={(value) => onChange({ unit: value })} />}
        </Field>
        {oneOff ? (
          <Field id={`${base}-one_off`} label="One-off amount (£)" errors={err('one_off_pence')}>
            {input('one_off', { inputMode: 'decimal', class: 'input--short' })}
          </Field>
        ) : (
          <>
            <Field id={`${base}-unit_cost`} label="Unit cost (£)" errors={err('unit_cost_pence')}>
              {input('unit_cost', { inputMode: 'decimal', class: 'input--short' })}
            </Field>
            <Field id={`${base}-units_per_week`} label="Units a week" errors={err('units_per_week')}>
              {input('units_per_week', { inputMode: 'decimal', class: 'input--short' })}
            </Field>
          </>
        )}
        <Field id={`${base}-delivery`} label="Delivery" errors={err('delivery')}>
          {(props) => <CodeSelect {...props} options={DELIVERY.map(([code, label]) => ({ code, label }))} value={line.delivery} onChange={(value) => onChange({ delivery: value })} />}
        </Field>
        <Field id={`${base}-nhs_percent`} label="NHS share (%)" errors={err('nhs_percent')}>
          {input('nhs_percent', { inputMode: 'numeric', class: 'input--short' })}
        </Field>
      </div>
      <p class="small plan-line__cost">
        {oneOff ? `One-off: ${formatPence(converted.one_off_pence || 0)}` : `${formatPence(weekly)} a week, ${formatPence(weekly * 52)} a year`}
        {converted.unit_cost_pence === 0 && !oneOff ? ' (community or unpaid support)' : ''}{' '}
        <button type="button" class="link-button" onClick={onRemove}>
          Remove line {index + 1}
        </button>
      </p>
    </fieldset>
  );
}
