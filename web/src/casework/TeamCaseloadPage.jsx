// A team's caseload, for its manager: every open case with its worker, the
// team's tasks, and reallocation (to a worker of the team, with a reason; kept
// and shown in the person's history).
import { useState } from 'preact/hooks';
import { ErrorMessage, Loading, PageTitle } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { issuesByPath, issuesFor } from '../shared/errors.js';
import { Field } from '../shared/forms.jsx';
import { can } from '../shared/permissions.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { useSession } from '../shared/session.js';
import { CaseTable, ExportButtons, TaskList } from './CaseloadPage.jsx';
import { fullName, getTeamCaseload, getTeams, reallocate } from './casework.js';

const LABELS = { worker: 'Worker', reason: 'Reason for reallocating' };

export function TeamCaseloadPage({ id }) {
  return (
    <RequireAllowed action="caseload.read_team" title="A team’s caseload">
      <TeamCaseload id={id} />
    </RequireAllowed>
  );
}

function TeamCaseload({ id }) {
  const session = useSession();
  const [tick, setTick] = useState(0);
  const loaded = useLoad(() => getTeamCaseload(id), `${id}-${tick}`);
  const teams = useLoad(getTeams, 'teams');
  const [moving, setMoving] = useState(null);
  const [done, setDone] = useState(null);
  const data = loaded.data;
  const workers = (teams.data || []).flatMap((team) => team.members.filter((member) => !member.manager).map((member) => ({ username: member.username, team: team.name })));
  const mayAllocate = can(session, 'caseload.allocate');
  return (
    <>
      <p class="breadcrumbs no-print">
        <a href="/caseload">My caseload</a>
      </p>
      <PageTitle title={data ? `${data.team.name}: caseload` : 'A team’s caseload'}>{data ? `${data.team.name}: caseload` : 'A team’s caseload'}</PageTitle>
      {loaded.loading && !data && <Loading what="Loading the team’s caseload" />}
      <ErrorMessage error={loaded.error} title="The team’s caseload could not be loaded" />
      {done && (
        <p class="notice" role="status" data-testid="reallocated">
          {done}
        </p>
      )}
      {data && (
        <>
          <p>
            {data.cases.length} open {data.cases.length === 1 ? 'case' : 'cases'}; workers:{' '}
            {data.team.members
              .filter((member) => !member.manager)
              .map((member) => member.username)
              .join(', ')}
            .
          </p>
          <ExportButtons title={`${data.team.name}: caseload`} filename={`caseload-team-${data.team.id}`} cases={data.cases} tasks={data.tasks} />
          {moving && (
            <ReallocateForm
              entry={moving}
              workers={workers}
              onCancel={() => setMoving(null)}
              onDone={(allocation) => {
                setDone(`${fullName(moving)} is now allocated to ${allocation.worker} (${allocation.team}).`);
                setMoving(null);
                setTick((n) => n + 1);
              }}
            />
          )}
          <TaskList tasks={data.tasks} showWorker />
          <CaseTable
            cases={data.cases}
            caption={`Open cases of ${data.team.name}`}
            renderAction={
              mayAllocate
                ? (entry) => (
                    <button type="button" class="button button--secondary button--small" onClick={() => setMoving(entry)} aria-label={`Reallocate ${fullName(entry)}`}>
                      Reallocate
                    </button>
                  )
                : null
            }
          />
        </>
      )}
    </>
  );
}

function ReallocateForm({ entry, workers, onCancel, onDone }) {
  const [worker, setWorker] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const issues = issuesByPath(error);
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await reallocate(entry.person_id, worker, reason));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="reallocate-heading" data-testid="reallocate-form">
      <h2 id="reallocate-heading">Reallocate {fullName(entry)}</h2>
      <p>
        Now with {entry.worker} ({entry.team}).
      </p>
      <ErrorMessage error={error} title="The case was not reallocated" labels={LABELS} />
      <Field id="reallocate-worker" label={LABELS.worker} errors={issuesFor(issues, 'worker')}>
        {(props) => (
          <select {...props} value={worker} onChange={(event) => setWorker(event.currentTarget.value)}>
            <option value="">Choose a worker</option>
            {workers.map((option) => (
              <option key={`${option.team}-${option.username}`} value={option.username}>
                {option.username} ({option.team})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="reallocate-reason" label={LABELS.reason} errors={issuesFor(issues, 'reason')}>
        {(props) => <textarea {...props} rows={3} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />}
      </Field>
      <button type="submit" class="button" disabled={busy}>
        Reallocate
      </button>{' '}
      <button type="button" class="button button--secondary" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
