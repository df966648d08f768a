// The signed-in user, shared by every page: username, display name, agency, roles
// and `allowed`, the actions the server lets them take (permissions.js). The
// session cookie is HttpOnly; the CSRF token that comes with the session is kept
// in memory for browser writes.
import { useEffect, useState } from 'preact/hooks';
import { api, setCsrfToken, setUnauthorizedHandler } from './api.js';

let state = { loading: true, user: null };
const listeners = new Set();

function update(next) {
  state = next;
  listeners.forEach((listener) => listener(state));
}

setUnauthorizedHandler(() => {
  if (state.user) {
    setCsrfToken(null);
    update({ loading: false, user: null });
  }
});

export async function loadSession() {
  try {
    const session = await api.get('/session');
    setCsrfToken(session.csrf_token);
    update({ loading: false, user: session.user });
  } catch (error) {
    setCsrfToken(null);
    update({ loading: false, user: null, error: error.status === 401 ? null : error });
  }
}

export async function signIn(username, password) {
  const session = await api.post('/session', { username, password });
  setCsrfToken(session.csrf_token);
  update({ loading: false, user: session.user });
  return session.user;
}

export async function signOut() {
  try {
    await api.del('/session');
  } finally {
    setCsrfToken(null);
    update({ loading: false, user: null });
  }
}

export function useSession() {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(state);
    return () => listeners.delete(setCurrent);
  }, []);
  return current;
}
