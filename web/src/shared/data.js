// Loading hooks shared by pages, and the published rulebooks (the calculator,
// the criteria, the analysts' pages and the journey's assessments all read them).
import { useEffect, useState } from 'preact/hooks';
import { api, versionPath } from './api.js';
import { todayIso } from './format.js';

// Runs `load` when `key` changes; returns {data, error, loading, reload}.
export function useLoad(load, key) {
  const [state, setState] = useState({ key: undefined, data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ key, data: null, error: null, loading: true });
    load().then(
      (data) => live && setState({ key, data, error: null, loading: false }),
      (error) => live && setState({ key, data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  const reload = () => setTick((n) => n + 1);
  // Never show the previous key's data under the new key: the first render after
  // the key changes comes before the effect above, so it is a loading render.
  if (state.key !== key) return { data: null, error: null, loading: true, reload };
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

const cache = new Map();

// Published documents never change, so they are fetched once per page load.
export function fetchVersion(id, version) {
  const key = `${id}@${version}`;
  if (!cache.has(key)) {
    const pending = api.get(versionPath(id, version));
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return cache.get(key);
}

// Each rulebook carries `today`, the server's date its in_force_version is judged on.
export const useRulebooks = () =>
  useLoad(
    () => api.get('/rulebooks').then((body) => (body && Array.isArray(body.rulebooks) ? body.rulebooks.map((rulebook) => ({ ...rulebook, today: body.today })) : [])),
    'rulebooks',
  );

export const useVersion = (id, version) => useLoad(() => (id && version ? fetchVersion(id, version) : Promise.resolve(null)), `${id}@${version}`);

// The version in force: the server says which (in_force_version, judged on its
// own date). Without that answer, the latest to start by `on`; if none has
// started, the latest.
export function versionInForce(rulebook, on = todayIso()) {
  // null from the server: no version has started yet, so none may be used.
  if ('in_force_version' in rulebook) return rulebook.in_force_version;
  const versions = Array.isArray(rulebook.versions) ? [...rulebook.versions] : [];
  versions.sort((a, b) => Number(a.version) - Number(b.version));
  const started = versions.filter((candidate) => !candidate.effective_from || candidate.effective_from <= on);
  const chosen = started.length ? started[started.length - 1] : versions[versions.length - 1];
  return chosen ? chosen.version : rulebook.latest_version || 1;
}

// The rulebook and version named in the query (?rulebook=&version=), else the
// first rulebook's version in force. Only rulebooks with a version in force are
// offered, and a version named in the query only if it has started (an approved
// version waiting for its effective date is used by nobody yet).
export function pickVersion(rulebooks, query) {
  const usable = (rulebooks || []).filter((candidate) => versionInForce(candidate) !== null && versionInForce(candidate) !== undefined);
  if (usable.length === 0) return null;
  const wantedId = query.get('rulebook');
  const rulebook = usable.find((candidate) => candidate.id === wantedId) || usable[0];
  const today = rulebook.today || todayIso();
  const versions = (Array.isArray(rulebook.versions) ? rulebook.versions : []).filter((candidate) => !candidate.effective_from || candidate.effective_from <= today);
  const wantedVersion = Number(query.get('version'));
  const version =
    (rulebook.id === wantedId && versions.find((candidate) => Number(candidate.version) === wantedVersion)?.version) || versionInForce(rulebook);
  return { rulebook, version };
}
