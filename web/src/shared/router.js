// Hand-rolled history routing: the server answers every non-API path with
// index.html, so real URLs work on reload and when shared.
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set();
const notify = () => listeners.forEach((listener) => listener());

export function navigate(to, { replace = false } = {}) {
  history[replace ? 'replaceState' : 'pushState'](null, '', to);
  notify();
  window.scrollTo(0, 0);
}

export function installRouter() {
  window.addEventListener('popstate', notify);
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest && event.target.closest('a[href]');
    if (!link || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    // In-page anchors (the skip link, error summaries) keep their usual behaviour.
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
}

export function useLocation() {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((tick) => tick + 1);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  return { path: location.pathname, query: new URLSearchParams(location.search) };
}

// "/rulebooks/:id/versions/:version" against a path -> params, or null.
export function matchPath(pattern, path) {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params = {};
  for (let part_idx = 0; part_idx < want.length; part_idx++) {
    const part = want[part_idx];
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(have[part_idx]);
      } catch {
        return null;
      }
    } else if (part !== have[part_idx]) {
      return null;
    }
  }
  return params;
}

// Changes the query of the current address without a new history entry, so a
// page's filters and choices live in the address: a reload or a shared link
// keeps them. `patch` maps names to values; '' or null removes a name.
export function setQuery(patch) {
  const query = new URLSearchParams(location.search);
  for (const [name, value] of Object.entries(patch)) {
    if (value === '' || value === null || value === undefined) query.delete(name);
    else query.set(name, String(value));
  }
  const search = query.toString();
  history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  notify();
}
