// "My caseload": the open cases allocated to the signed-in worker and the tasks
// they hold (assessments, drafts, plans returned, reviews due, sign-offs), each
// task linking to the page where it is done. A team manager also finds their
// teams' caseloads here.
import { useState } from 'preact/hooks';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { formatDate } from '../shared/format.js';
import { can } from '../shared/permissions.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { useSession } from '../shared/session.js';
import { caseStage, exportCaseload, fullName, getCaseload, getTeams, personPath, taskGroup } from './casework.js';

export function CaseloadPage() {
  return (
    <RequireAllowed action="caseload.read" title="My caseload">
      <MyCaseload />
    </RequireAllowed>
  );
}

function MyCaseload() {
  const session = useSession();
  const caseload = useLoad(getCaseload, 'my-caseload');
  const teams = useLoad(getTeams, 'teams');
  const data = caseload.data;
  const managed = (teams.data || []).filter((team) => team.members.some((member) => member.manager && session.user && member.username === session.user.username));
  return (
    <>
      <PageTitle>My caseload</PageTitle>
      {caseload.loading && <Loading what="Loading your caseload" />}
      <ErrorMessage error={caseload.error} title="Your caseload could not be loaded" />
      {managed.length > 0 && can(session, 'caseload.read_team') && (
        <p class="action-links" data-testid="managed-teams">
          {managed.map((team) => (
            <a key={team.id} href={`/teams/${team.id}/caseload`}>
              {team.name}: caseload and reallocation
            </a>
          ))}
        </p>
      )}
      {data && (
        <>
          <p role="status" data-testid="caseload-summary">
            {data.cases.length} {data.cases.length === 1 ? 'open case is' : 'open cases are'} allocated to you
            {data.teams.length ? ` (${data.teams.join(', ')})` : ''}; {data.tasks.length} {data.tasks.length === 1 ? 'task' : 'tasks'}.
          </p>
          <ExportButtons title={`Caseload of ${data.worker}`} filename={`caseload-${data.worker}`} cases={data.cases} tasks={data.tasks} />
          <TaskList tasks={data.tasks} showWorker={false} />
          <CaseTable cases={data.cases} caption="Open cases allocated to you" />
        </>
      )}
    </>
  );
}

export function ExportButtons({ title, filename, cases, tasks }) {
  const [error, setError] = useState(null);
  const run = (format) => exportCaseload(title, filename, cases, tasks, format).catch(setError);
  return (
    <p class="no-print action-links">
      <button type="button" class="button button--secondary button--small" onClick={() => run('csv')}>
        Download CSV
      </button>{' '}
      <button type="button" class="button button--secondary button--small" onClick={() => run('xlsx')}>
        Download XLSX
      </button>
      <ErrorMessage error={error} title="The export failed" />
    </p>
  );
}

// Tasks grouped by kind, in the order the server gives (most pressing first).
export function TaskList({ tasks, showWorker }) {
  if (!tasks.length) return <p class="muted">No tasks are waiting.</p>;
  const groups = [];
  for (const task of tasks) {
    const last = groups[groups.length - 1];
    if (last && last.kind === task.kind) last.tasks.push(task);
    else groups.push({ kind: task.kind, tasks: [task] });
  }
  return (
    <section aria-labelledby="tasks-heading" data-testid="tasks">
      <h2 id="tasks-heading">Tasks</h2>
      {groups.map((group) => (
        <div key={group.kind} data-kind={group.kind}>
          <h3>
            {taskGroup(group.kind)} ({group.tasks.length})
          </h3>
          <ul class="task-list">
            {group.tasks.map((task) => (
              <li key={`${task.kind}-${task.person_id}`} data-person={task.person_id}>
                <a href={task.href}>{fullName(task)}</a>: {task.what}
                {task.due ? ` – ${formatDate(task.due)}` : ''}
                {showWorker && task.worker ? <span class="muted"> ({task.worker})</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function CaseTable({ cases, caption, renderAction }) {
  return (
    <section aria-labelledby="cases-heading">
      <h2 id="cases-heading">Cases</h2>
      {cases.length === 0 ? (
        <p class="muted">No open cases.</p>
      ) : (
        <TableWrap label={caption}>
          <table class="data" data-testid="cases">
            <caption class="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Stage</th>
                <th scope="col">Worker</th>
                <th scope="col">Team</th>
                <th scope="col">Allocated since</th>
                <th scope="col">Review due</th>
                {renderAction && <th scope="col">Reallocate</th>}
              </tr>
            </thead>
            <tbody>
              {cases.map((entry) => (
                <tr key={entry.person_id} data-person={entry.person_id}>
                  <td>
                    <a href={personPath(entry.person_id)}>{fullName(entry)}</a>
                  </td>
                  <td>{caseStage(entry)}</td>
                  <td>{entry.worker}</td>
                  <td>{entry.team}</td>
                  <td>
                    {formatDate(entry.allocated_at)}
                    {entry.opened_by_worker ? <span class="small muted"> (opened the case)</span> : null}
                  </td>
                  <td>{entry.review_due ? formatDate(entry.review_due) : ''}</td>
                  {renderAction && <td>{renderAction(entry)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
