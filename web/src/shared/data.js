// Loading hooks shared by pages, and the published rulebooks (the calculator,
// the criteria, the analysts' pages and the journey's assessments all read them).
import { useEffect, useState } from 'preact/hooks';
import { api, versionPath } from './api.js';
import { todayIso } from './format.js';

// Runs `load` when `key` changes; returns {data, error, loading, reload}.
export function useLoad(load, key) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    // Never show the previous key's data under the new key.
    setState({ data: null, error: null, loading: true });
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error) => live && setState({ data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  return { ...state, reload: () => setTick((n) => n + 1) };
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

export const useRulebooks = () => useLoad(() => api.get('/rulebooks').then((body) => (body && Array.isArray(body.rulebooks) ? body.rulebooks : [])), 'rulebooks');

export const useVersion = (id, version) => useLoad(() => (id && version ? fetchVersion(id, version) : Promise.resolve(null)), `${id}@${version}`);

// The version in force: the newest one whose effective_from has come; if none
// has (all start in the future), the latest.
export function versionInForce(rulebook, on = todayIso()) {
  const versions = Array.isArray(rulebook.versions) ? [...rulebook.versions] : [];
  versions.sort((a, b) => Number(a.version) - Number(b.version));
  const started = versions.filter((candidate) => !candidate.effective_from || candidate.effective_from <= on);
  const chosen = started.length ? started[started.length - 1] : versions[versions.length - 1];
  return chosen ? chosen.version : rulebook.latest_version || 1;
}

// The rulebook and version named in the query (?rulebook=&version=), else the
// first rulebook's version in force.
export function pickVersion(rulebooks, query) {
  if (!rulebooks || rulebooks.length === 0) return null;
  const wantedId = query.get('rulebook');
  const rulebook = rulebooks.find((candidate) => candidate.id === wantedId) || rulebooks[0];
  const versions = Array.isArray(rulebook.versions) ? rulebook.versions : [];
  const wantedVersion = Number(query.get('version'));
  const version =
    (rulebook.id === wantedId && versions.find((candidate) => Number(candidate.version) === wantedVersion)?.version) || versionInForce(rulebook);
  return { rulebook, version };
}
