// A small client for Allot's JSON API (docs/api.md). Every failure becomes an
// ApiError whose `lines()` lists the message and every issue, ready to show.

const BASE = '/api/v1';
let csrfToken = null;

let onUnauthorized = null;

// Called when a request other than the session's own gets 401: the session has
// ended (expired or signed out elsewhere), so the pages can ask to sign in again.
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler;
}

// Browser writes authenticated by the session cookie must carry this header.
export function setCsrfToken(token) {
  csrfToken = token || null;
}

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

export class ApiError extends Error {
  constructor(status, code, message, issues = [], incidentId = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.incidentId = incidentId;
  }

  // The message, then one line per issue ("path: message"), then the incident id.
  lines() {
    const out = [this.message];
    for (const issue of this.issues) {
      out.push(issue.path ? `${issue.path}: ${issue.message}` : String(issue.message));
    }
    if (this.incidentId) out.push(`Incident reference: ${this.incidentId}`);
    return out;
  }
}

// Turns an error body {"error":{code,message,issues,incident_id}} (or anything
// else the server or a proxy sent) into an ApiError.
export function errorFromBody(status, body) {
  const error = body && typeof body === 'object' ? body.error : null;
  if (error && typeof error === 'object') {
    const issues = Array.isArray(error.issues)
      ? error.issues.map((issue) => ({
          path: issue && issue.path ? String(issue.path) : '',
          message: issue && issue.message ? String(issue.message) : JSON.stringify(issue),
        }))
      : [];
    const message = error.message ? String(error.message) : STATUS_TEXT[status] || `Request failed (${status}).`;
    return new ApiError(status, error.code || 'error', message, issues, error.incident_id || null);
  }
  return new ApiError(status, 'http_' + status, STATUS_TEXT[status] || `Request failed (HTTP ${status}).`);
}

export async function request(method, path, { json, text, contentType } = {}) {
  const headers = { Accept: 'application/json' };
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (text !== undefined) {
    headers['Content-Type'] = contentType || 'text/plain; charset=utf-8';
    body = text;
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response;
  try {
    response = await fetch(BASE + path, { method, headers, body, credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError(0, 'network', 'Could not reach the Allot server. Check your connection and try again.');
  }
  if (response.status === 204) return null;
  const raw = await response.text();
  let parsed = null;
  if (raw) {
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = null;
    }
  }
  if (response.status === 401 && path !== '/session' && onUnauthorized) onUnauthorized();
  if (!response.ok) throw errorFromBody(response.status, parsed);
  if (raw && parsed === null) {
    throw new ApiError(response.status, 'bad_response', 'The server sent a reply that is not JSON.');
  }
  return parsed;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, json) => request('POST', path, { json }),
  put: (path, json) => request('PUT', path, { json }),
  postText: (path, text, contentType) => request('POST', path, { text, contentType }),
  del: (path) => request('DELETE', path),
};

export const enc = encodeURIComponent;
export const versionPath = (id, version) => `/rulebooks/${enc(id)}/versions/${enc(version)}`;
