// Simulation: run a rulebook over a population file on the server as a job
// (shared/jobs.js), follow its progress, then show gainers, losers and
// protection needed by client group.
import { useState } from 'preact/hooks';
import { api, versionPath } from '../../shared/api.js';
import { ErrorMessage, PageTitle, TableWrap } from '../../shared/components.jsx';
import { useVersion } from '../../shared/data.js';
import { ExportButtons } from '../../shared/ExportButtons.jsx';
import { formatNumber, formatPence } from '../../shared/format.js';
import { FileField } from '../../shared/forms.jsx';
import { useJob } from '../../shared/jobs.js';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { columnsText } from './columns.js';
import { GroupChart } from './GroupChart.jsx';
import { versionUrl } from './RulebooksPage.jsx';

const POLL_MS = 400;

export function SimulatePage({ id, version }) {
  return (
    <RequireAllowed action="rulebooks.simulate" title="Simulate">
      <Simulate id={id} version={version} />
    </RequireAllowed>
  );
}

// The report's lines: the groups, then the overall line.
export function reportRows(result) {
  if (!result) return [];
  const groups = Array.isArray(result.groups) ? result.groups : Array.isArray(result.client_groups) ? result.client_groups : [];
  const rows = groups.map((group) => ({ ...group, label: group.client_group || 'Not stated' }));
  if (result.overall) rows.push({ ...result.overall, label: 'All people', overall: true });
  return rows;
}

export const COLUMNS = [
  { key: 'label', title: 'Client group', csv: 'client_group' },
  { key: 'people', title: 'People', number: true },
  { key: 'total_current_pence', title: 'Current cost a year', money: true },
  { key: 'total_indicative_pence', title: 'Indicative total a year', money: true },
  { key: 'difference_pence', title: 'Difference (indicative less current)', money: true },
  { key: 'above_range', title: 'Gain (current cost below the range)', number: true },
  { key: 'within_range', title: 'Within the range', number: true },
  { key: 'below_range', title: 'Lose (current cost above the range)', number: true },
  { key: 'protection_needed_pence', title: 'Protection needed', money: true },
];

// The table as it leaves in CSV and XLSX: the page's words (gain, within, lose),
// pounds, and the all-people line as the totals.
export function simulationTable(rows, id, version) {
  const kind = (column) => (column.money ? 'money' : column.number ? 'number' : 'text');
  return {
    name: `simulation-${id}-v${version}`,
    title: `Simulation of ${id} version ${version}`,
    columns: COLUMNS.map((column) => ({ title: column.title, kind: kind(column), value: (row) => row[column.key] ?? '' })),
    rows: rows.filter((row) => !row.overall),
    totals: rows.filter((row) => row.overall).flatMap((overall) => [COLUMNS.map((column) => overall[column.key] ?? '')])[0],
  };
}

function Simulate({ id, version }) {
  const doc = useVersion(id, version);
  const [population, setPopulation] = useState({ text: null, name: null });
  const [fileProblem, setFileProblem] = useState(null);
  const { job, busy, error, setError, start } = useJob({ pollMs: POLL_MS, failed: 'The simulation failed.' });

  const submit = async (event) => {
    event.preventDefault();
    setError(null);
    if (!population.text) {
      setFileProblem('Choose a population file (CSV)');
      return;
    }
    setFileProblem(null);
    await start(() => api.postText(`${versionPath(id, version)}/simulations`, population.text, 'text/csv'), { status: 'running', progress: { done: 0, total: 0 } });
  };

  const rows = job && job.status === 'done' ? reportRows(job.result) : [];
  return (
    <>
      <p class="breadcrumbs">
        <a href="/rulebooks">Rulebooks</a> › <a href={versionUrl(id, version)}>{id} version {version}</a>
      </p>
      <PageTitle title={`Simulate ${id} version ${version}`}>Simulate a population</PageTitle>
      <p class="lead">
        Run this rulebook over everyone using services and compare each person's indicative amount with what their services cost now: who would gain, who would lose,
        how much protection is needed, and whether one RAS treats each client group alike.
      </p>
      <ErrorMessage error={error} title="The simulation could not be run" />
      <form onSubmit={submit} noValidate class="narrow">
        <FileField
          id="population-file"
          label="Population (CSV)"
          hint={doc.data ? `Columns: ${columnsText(doc.data)}` : undefined}
          error={fileProblem}
          onText={(text, name) => setPopulation({ text, name })}
        />
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Running…' : 'Run the simulation'}
        </button>
      </form>
      {job && job.status === 'running' && <JobProgress progress={job.progress} />}
      <div aria-live="polite" class="visually-hidden">
        {job && job.status === 'done' ? 'The simulation has finished.' : ''}
      </div>
      {rows.length > 0 && (
        <section class="result" aria-labelledby="simulation-heading" data-testid="simulation-result">
          <h2 id="simulation-heading">Results by client group</h2>
          <SimulationTable rows={rows} />
          <ExportButtons table={simulationTable(rows, id, version)} what="the table" />
          <GroupChart rows={rows.filter((row) => !row.overall)} />
        </section>
      )}
    </>
  );
}

// Who gains and who loses, by client group, with the totals last.
export function SimulationTable({ rows, caption }) {
  return (
    <TableWrap label={caption || 'Results by client group'}>
      <table class="data" data-testid="simulation-table">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th scope="col" key={column.key} class={column.key === 'label' ? '' : 'num'}>
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} class={row.overall ? 'total' : ''}>
              {COLUMNS.map((column, column_idx) =>
                column_idx === 0 ? (
                  <th scope="row" key={column.key}>
                    {row.label}
                  </th>
                ) : (
                  <td class="num" key={column.key}>
                    {column.money ? formatPence(row[column.key]) : formatNumber(row[column.key])}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function JobProgress({ progress }) {
  const done = Number(progress && progress.done) || 0;
  const total = Number(progress && progress.total) || 0;
  return (
    <div class="job-progress" role="status" data-testid="job-progress">
      <label for="job-progress-bar">{total ? `Scored ${formatNumber(done)} of ${formatNumber(total)} people` : 'Starting…'}</label>
      {total ? <progress id="job-progress-bar" max={total} value={done} /> : <progress id="job-progress-bar" />}
    </div>
  );
}
