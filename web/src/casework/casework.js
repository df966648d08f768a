// What the casework pages share: the API calls, tasks and cases in words, and
// the rows the caseload tables export (CSV with UK dates, XLSX with real dates).
import { api, enc } from '../shared/api.js';
import { downloadText, formatDate, toCsv } from '../shared/format.js';
import { downloadXlsx } from '../shared/xlsx.js';

export const personPath = (id) => `/people/${enc(id)}`;
// A journey stage in words: "support_planning" → "Support planning".
const stageLabel = (stage) => {
  const text = String(stage).replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

export const getCaseload = () => api.get('/caseload');
export const getTeams = () => api.get('/teams').then((body) => (body && Array.isArray(body.teams) ? body.teams : []));
export const getTeamCaseload = (id) => api.get(`/teams/${enc(id)}/caseload`);
export const reallocate = (personId, worker, reason) => api.post(`/people/${enc(personId)}/allocations`, { worker, reason });
export const getNotes = (personId) => api.get(`/people/${enc(personId)}/notes`).then((body) => (body && Array.isArray(body.notes) ? body.notes : []));
export const writeNote = (personId, text, corrects) => api.post(`/people/${enc(personId)}/notes`, corrects ? { text, corrects } : { text });
export const getAllocations = (personId) => api.get(`/people/${enc(personId)}/allocations`).then((body) => (body && Array.isArray(body.allocations) ? body.allocations : []));
export const getLocation = (personId) => api.get(`/people/${enc(personId)}/location`).then((body) => (body ? body.location : null));

export const TASK_GROUPS = {
  plan_returned: 'Plans returned',
  sign_off_to_decide: 'Sign-offs waiting for you',
  review_due: 'Reviews due',
  screening: 'Contacts to screen',
  assessment_in_progress: 'Assessments in progress',
  assessment_to_do: 'Assessments to do',
  plan_draft: 'Support plan drafts',
  plan_to_write: 'Support plans to write',
  end_enablement: 'Enablement ending',
  carer_first_stage: 'Carers’ first-stage assessments',
  carer_full_assessment: 'Carers’ full assessments',
  sign_off_waiting: 'Waiting for sign-off by others',
};
export const taskGroup = (kind) => TASK_GROUPS[kind] || kind.replace(/_/g, ' ');

export const fullName = (row) => `${row.given_name || ''} ${row.family_name || ''}`.trim();
export const caseStage = (entry) => (entry.stage ? stageLabel(entry.stage) : entry.cares_for ? 'Carer’s assessment' : 'No open case');

const isoDate = (value) => (value ? String(value).slice(0, 10) : '');
const asDate = (value) => (value ? new Date(`${isoDate(value)}T00:00:00Z`) : null);

const CASE_HEADER = ['Person', 'Person id', 'Stage', 'Worker', 'Team', 'Allocated since', 'Review due'];
const caseRow = (entry, date) => [fullName(entry), entry.person_id, caseStage(entry), entry.worker, entry.team, date(entry.allocated_at), date(entry.review_due)];
const TASK_HEADER = ['Task', 'What', 'Person', 'Person id', 'Worker', 'Due'];
const taskRow = (task, date) => [taskGroup(task.kind), task.what, fullName(task), task.person_id, task.worker, date(task.due)];

// Downloads a caseload's cases and tasks: `format` "csv" (two files' worth in one, each table with its title) or "xlsx" (two sheets).
export async function exportCaseload(title, filename, cases, tasks, format) {
  if (format === 'csv') {
    const text = toCsv([[title], [], ['Tasks'], TASK_HEADER, ...tasks.map((task) => taskRow(task, (value) => (value ? formatDate(value) : ''))), [], ['Cases'], CASE_HEADER, ...cases.map((entry) => caseRow(entry, (value) => (value ? formatDate(value) : '')))]);
    downloadText(`${filename}.csv`, text);
    return;
  }
  await downloadXlsx(`${filename}.xlsx`, [
    { name: 'Tasks', rows: [TASK_HEADER, ...tasks.map((task) => taskRow(task, asDate))] },
    { name: 'Cases', rows: [CASE_HEADER, ...cases.map((entry) => caseRow(entry, asDate))] },
  ]);
}
