// A small client for Allot's JSON API (docs/api.md). Every failure becomes an
// ApiError (errors.js) whose `lines()` lists the message and every issue, ready to show.
import { ApiError, errorFromBody } from './errors.js';

export { ApiError, errorFromBody } from './errors.js';

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
