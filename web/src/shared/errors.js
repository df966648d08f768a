// One way to read an API error body, {"error":{"code","message","issues":[{"path",
// "message","code"}],"incident_id"}}, whether it came with an HTTP reply or inside
// a failed job: an ApiError whose `lines()` is the message, one line per issue and
// the incident reference, ready to show (ErrorMessage in components.jsx shows it).
// The issues are also kept by path, so forms can show each next to its field.
import { fieldMessage, plainIssue, plainText } from './messages.js';

const STATUS_TEXT = {
  400: 'The request was not understood.',
  401: 'You need to sign in.',
  403: 'You are not allowed to do this.',
  404: 'Not found.',
  409: 'This was refused because of the current state.',
  413: 'The request is too large.',
  422: 'Some values are not valid.',
  500: 'Something went wrong on the server.',
};

// An issue's line in plain words with the field's label (messages.js): the
// page's own `labels` (a map or a function from a path) first, then the labels
// every form shares. The API's path and code stay on the issue.
export function issueLine(issue, labels) {
  return plainIssue(issue, labels);
}

export class ApiError extends Error {
  constructor(status, code, message, issues = [], incidentId = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.incidentId = incidentId;
  }

  // The message, then one line per issue in plain words, then the incident id.
  lines(labels) {
    const out = [this.message ? plainText(this.message) : this.message];
    for (const issue of this.issues) out.push(issueLine(issue, labels));
    if (this.incidentId) out.push(`Incident reference: ${this.incidentId}`);
    return out;
  }
}

function issuesOf(error) {
  return Array.isArray(error.issues)
    ? error.issues.map((issue) => ({
        path: issue && issue.path ? String(issue.path) : '',
        message: issue && issue.message ? String(issue.message) : JSON.stringify(issue),
        code: issue && issue.code ? String(issue.code) : '',
      }))
    : [];
}

// Turns an error body {"error":{code,message,issues,incident_id}} (or anything
// else the server or a proxy sent) into an ApiError.
export function errorFromBody(status, body) {
  const error = body && typeof body === 'object' ? body.error : null;
  if (error && typeof error === 'object') {
    const message = error.message ? String(error.message) : STATUS_TEXT[status] || `Request failed (${status}).`;
    const apiError = new ApiError(status, error.code || 'error', message, issuesOf(error), error.incident_id || null);
    // A refused duplicate person names the records kept it may duplicate.
    if (Array.isArray(error.candidates)) apiError.candidates = error.candidates;
    return apiError;
  }
  return new ApiError(status, 'http_' + status, STATUS_TEXT[status] || `Request failed (HTTP ${status}).`);
}

// A failed job's error ({"status":"failed","error":{code,message,issues}}) as an
// ApiError; `fallback` is the message when the job gave none.
export function jobError(job, fallback) {
  const error = job && job.error && typeof job.error === 'object' ? job.error : {};
  return new ApiError(0, error.code || 'job_failed', error.message ? String(error.message) : fallback, issuesOf(error), error.incident_id || null);
}

// A problem found on the page (a form checked before sending), shown like an API error.
export const pageError = (message, lines = []) => new ApiError(0, 'page', message, lines.map((line) => ({ path: '', message: String(line), code: '' })));

// An ApiError's issues by path ("reason", "decisions[0].reason", "lines[2].unit_cost_pence"),
// each message in plain words with the field's label (shown next to the field).
export function issuesByPath(error, labels) {
  const map = {};
  if (error && Array.isArray(error.issues)) {
    for (const issue of error.issues) {
      const key = issue.path || '';
      (map[key] = map[key] || []).push(key ? fieldMessage(issue, labels) : issue.message);
    }
  }
  return map;
}

// The issues for a field: its own path and any under it ("lines[0]" catches "lines[0].unit").
export function issuesFor(map, ...paths) {
  const out = [];
  for (const [key, messages] of Object.entries(map)) {
    if (paths.some((path) => key === path || key.startsWith(path + '.') || key.startsWith(path + '['))) out.push(...messages);
  }
  return out;
}
