// One draft rulebook version and its governance: an analyst simulates it over a
// population and proposes it with an effective date; a second person with the
// approving role approves it (it is then in force from that date) or rejects it
// with a reason. The person who proposed it cannot approve it.
import { useState } from 'preact/hooks';
import { api } from '../../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../../shared/components.jsx';
import { useLoad, useRulebooks, useVersion } from '../../shared/data.js';
import { pageError } from '../../shared/errors.js';
import { formatDate, todayIso } from '../../shared/format.js';
import { FileField } from '../../shared/forms.jsx';
import { useJob } from '../../shared/jobs.js';
import { can } from '../../shared/permissions.js';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { useSession } from '../../shared/session.js';
import { CriteriaView } from '../criteria/CriteriaView.jsx';
import { diffRulebooks } from '../rulebooks/diff.js';
import { versionUrl } from '../rulebooks/RulebooksPage.jsx';
import { JobProgress, reportRows, SimulationTable } from '../rulebooks/SimulatePage.jsx';
import { RulebookHistory } from './History.jsx';
import { draftPath, ORIGIN_WORDS, STATUS_WORDS } from './words.js';

const PROPOSAL_LABELS = { effective_from: 'Effective date', simulation_job_id: 'Simulation', reason: 'Reason', status: 'Status', proposed_by: 'Proposed by' };

export function DraftPage({ id, version }) {
  return (
    <RequireAllowed action="rulebooks.read_drafts" title="Draft rulebook version">
      <Draft id={id} version={version} />
    </RequireAllowed>
  );
}

function Draft({ id, version }) {
  const [tick, setTick] = useState(0);
  const draft = useLoad(() => api.get(draftPath(id, version)), `${id}@${version}#${tick}`);
  const session = useSession();
  const reload = () => setTick((n) => n + 1);
  const data = draft.data;
  return (
    <>
      <p class="breadcrumbs">
        <a href="/rulebooks">Rulebooks</a> › {id}
      </p>
      <PageTitle title={`${id} draft version ${version}`}>
        {data ? data.title || id : id} <span class="muted">draft version {version}</span>
      </PageTitle>
      {draft.loading && <Loading what="Loading the draft" />}
      <ErrorMessage error={draft.error} title="The draft could not be loaded" />
      {data && (
        <>
          <dl class="summary" data-testid="draft-summary">
            <div>
              <dt>Status</dt>
              <dd data-testid="draft-status">{STATUS_WORDS[data.status] || data.status}</dd>
            </div>
            <div>
              <dt>Made</dt>
              <dd>
                {ORIGIN_WORDS[data.origin] || data.origin} by {data.created_by}, {formatDate(data.created_at)}
              </dd>
            </div>
            {data.proposed_by && (
              <div>
                <dt>Proposed by</dt>
                <dd>{data.proposed_by}</dd>
              </div>
            )}
            <div>
              <dt>In force from</dt>
              <dd data-testid="draft-effective">{data.effective_from ? formatDate(data.effective_from) : 'Set when it is proposed'}</dd>
            </div>
          </dl>
          {data.status === 'approved' && (
            <p class="success">
              Approved and published as <a href={versionUrl(id, version)}>version {version}</a>, in force from {formatDate(data.effective_from)}.
            </p>
          )}
          {data.document && data.status !== 'approved' && <ChangesFromInForce id={id} doc={data.document} />}
          {data.simulation && (
            <section aria-labelledby="proposal-simulation">
              <h2 id="proposal-simulation">Who gains and who loses</h2>
              <p>The simulation proposed with this version: each person's indicative amount under it against what their services cost now.</p>
              <SimulationTable rows={reportRows(data.simulation)} caption="Gain, within the range and lose, by client group" />
            </section>
          )}
          {(data.status === 'draft' || data.status === 'rejected') && can(session, 'rulebooks.propose') && <Propose id={id} version={version} onDone={reload} />}
          {data.status === 'proposed' && can(session, 'rulebooks.approve') && <Decide id={id} version={version} draft={data} session={session} onDone={reload} />}
          {data.status === 'proposed' && !can(session, 'rulebooks.approve') && (
            <p class="notice">Awaiting approval by a second person with the approving role (a commissioner).</p>
          )}
          <RulebookHistory id={id} headingLevel={2} tick={tick} />
          <details class="document">
            <summary>The questions and answers of this draft</summary>
            {data.document && <CriteriaView doc={data.document} />}
          </details>
        </>
      )}
    </>
  );
}

function Propose({ id, version, onDone }) {
  const [population, setPopulation] = useState(null);
  const [effective, setEffective] = useState(todayIso(1));
  const [problems, setProblems] = useState({});
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState(null);
  const { job, busy, error, setError, start } = useJob({ pollMs: 400, failed: 'The simulation failed.' });
  const rows = job && job.status === 'done' ? reportRows(job.result) : [];

  const simulate = async (event) => {
    event.preventDefault();
    setError(null);
    if (!population) {
      setProblems({ population: 'Choose a population file (CSV)' });
      return;
    }
    setProblems({});
    await start(() => api.postText(`${draftPath(id, version)}/simulations`, population, 'text/csv'), { status: 'running', progress: { done: 0, total: 0 } });
  };

  const propose = async (event) => {
    event.preventDefault();
    setSendError(null);
    const found = {};
    if (!job || job.status !== 'done') found.simulation = 'Run the simulation first: a proposal carries who gains and who loses';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effective)) found.effective = 'Enter the effective date';
    else if (effective < todayIso()) found.effective = 'The effective date must be today or later';
    setProblems(found);
    if (Object.keys(found).length) {
      setSendError(pageError('Check the proposal.', Object.values(found)));
      return;
    }
    setSending(true);
    try {
      await api.post(`${draftPath(id, version)}/proposal`, { effective_from: effective, simulation_job_id: job.id });
      onDone();
    } catch (caught) {
      setSendError(caught);
    } finally {
      setSending(false);
    }
  };

  return (
    <section class="propose" aria-labelledby="propose-heading">
      <h2 id="propose-heading">Propose this version</h2>
      <p>
        First run it over the population, so the approver sees who gains and who loses; then choose the date it takes effect. Until then the version in force stays
        in force.
      </p>
      <ErrorMessage error={error} title="The simulation could not be run" />
      <form onSubmit={simulate} noValidate class="narrow">
        <FileField id="population-file" label="Population (CSV)" error={problems.population} onText={(text) => setPopulation(text)} />
        <button type="submit" class="button button--secondary" disabled={busy}>
          {busy ? 'Running…' : 'Run the simulation'}
        </button>
      </form>
      {job && job.status === 'running' && <JobProgress progress={job.progress} />}
      {rows.length > 0 && <SimulationTable rows={rows} caption="Gain, within the range and lose, by client group" />}
      <ErrorMessage error={sendError} title="The version was not proposed" labels={PROPOSAL_LABELS} />
      <form onSubmit={propose} noValidate class="narrow">
        <div class={`field${problems.effective ? ' field--error' : ''}`}>
          <label for="effective-from">Effective date</label>
          <p class="hint" id="effective-from-hint">
            The day the calculator, the criteria and new assessments start to use it. Today or later.
          </p>
          {problems.effective && (
            <p class="field-error" id="effective-from-error">
              {problems.effective}
            </p>
          )}
          <input
            id="effective-from"
            type="date"
            value={effective}
            onInput={(event) => setEffective(event.currentTarget.value)}
            aria-describedby={problems.effective ? 'effective-from-hint effective-from-error' : 'effective-from-hint'}
          />
        </div>
        <button type="submit" class="button" disabled={sending}>
          {sending ? 'Proposing…' : 'Propose for approval'}
        </button>
      </form>
    </section>
  );
}

function Decide({ id, version, draft, session, onDone }) {
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const mine = session && session.user && session.user.username === draft.proposed_by;

  const send = async (path, body) => {
    setError(null);
    setBusy(true);
    try {
      await api.post(`${draftPath(id, version)}/${path}`, body);
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const reject = (event) => {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonProblem('Say why the version is rejected');
      setError(pageError('Check the rejection.', ['Say why the version is rejected']));
      return;
    }
    setReasonProblem(null);
    send('rejection', { reason });
  };

  return (
    <section class="decide" aria-labelledby="decide-heading">
      <h2 id="decide-heading">Approve or reject</h2>
      {mine ? (
        <p class="notice" data-testid="own-proposal">
          You proposed this version, so another person with the approving role must decide on it.
        </p>
      ) : (
        <DecideForms version={version} draft={draft} busy={busy} error={error} reason={reason} setReason={setReason} reasonProblem={reasonProblem} approve={() => send('approval', {})} reject={reject} />
      )}
    </section>
  );
}

function DecideForms({ version, draft, busy, error, reason, setReason, reasonProblem, approve, reject }) {
  return (
    <>
      <p>
        Approved, it is published and in force from {formatDate(draft.effective_from)}; until then the version in force stays in force. Assessments already made keep
        the version they were scored with.
      </p>
      <ErrorMessage error={error} title="The decision was not recorded" labels={PROPOSAL_LABELS} />
      <p>
        <button type="button" class="button" disabled={busy} onClick={approve}>
          Approve version {version}
        </button>
      </p>
      <form onSubmit={reject} noValidate class="narrow">
        <div class={`field${reasonProblem ? ' field--error' : ''}`}>
          <label for="reject-reason">Reason for rejecting</label>
          {reasonProblem && (
            <p class="field-error" id="reject-reason-error">
              {reasonProblem}
            </p>
          )}
          <textarea id="reject-reason" rows={3} value={reason} onInput={(event) => setReason(event.currentTarget.value)} aria-describedby={reasonProblem ? 'reject-reason-error' : undefined} />
        </div>
        <button type="submit" class="button button--secondary" disabled={busy}>
          Reject with this reason
        </button>
      </form>
    </>
  );
}

// Dates the UK way; everything else as the comparison words it.
const shown = (row, value) => (value === undefined || value === null ? '' : row.label === 'In use from' ? formatDate(value) : value);

// What the draft changes against the version in force now: the value of a point
// and every other setting that differs, and how many questions and answers change.
function ChangesFromInForce({ id, doc }) {
  const rulebooks = useRulebooks();
  const listed = (rulebooks.data || []).find((rulebook) => rulebook.id === id);
  const inForce = listed ? listed.in_force_version : null;
  const before = useVersion(inForce ? id : null, inForce);
  if (!inForce || !before.data) return null;
  const diff = diffRulebooks(before.data, doc);
  const rows = [...diff.general, ...diff.allocation, ...diff.adjustments, ...diff.flags].filter((row) => row.status !== 'same' && row.label !== 'Version');
  const { questionsAdded, questionsRemoved, questionsChanged, answerChanges } = diff.summary;
  return (
    <section aria-labelledby="changes-heading">
      <h2 id="changes-heading">Changes from version {inForce}, in force now</h2>
      <p data-testid="question-changes">
        {questionsChanged} questions changed, {questionsAdded} added, {questionsRemoved} removed; {answerChanges} answers changed.
      </p>
      {rows.length > 0 && (
        <TableWrap label={`Changes from version ${inForce}`}>
          <table class="data" data-testid="draft-changes">
            <thead>
              <tr>
                <th scope="col">Setting</th>
                <th scope="col">Version {inForce}</th>
                <th scope="col">This draft</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td>{shown(row, row.before)}</td>
                  <td>{shown(row, row.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
