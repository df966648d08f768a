// Agencies and staff by name: records, events and meetings carry an agency's
// code ("demo-nhs") and a username ("team_manager"); pages show the agency's
// name ("Demo NHS Foundation Trust") and the person's ("Demo Team manager").
// The lists (GET /api/v1/agencies and /api/v1/users) are fetched once per page load.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';

let pending = null;

function loadDirectory() {
  if (!pending) {
    const list = (path, key, name) => api.get(path).then((body) => new Map((body && Array.isArray(body[key]) ? body[key] : []).map((item) => [item[name], item])));
    pending = Promise.all([list('/agencies', 'agencies', 'id'), list('/users', 'users', 'username')]).then(
      ([agencies, users]) => ({ agencies, users }),
      (error) => {
        pending = null;
        throw error;
      },
    );
  }
  return pending;
}

// {agencyName(code), userName(username)}: the code or username itself until the
// names arrive, or when it is not known (a user since removed).
export function useDirectory() {
  const [directory, setDirectory] = useState(null);
  useEffect(() => {
    let live = true;
    loadDirectory().then(
      (found) => live && setDirectory(found),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  const agencyName = (code) => (code && directory && directory.agencies.get(code) ? directory.agencies.get(code).name : code || '');
  const userName = (username) => (username && directory && directory.users.get(username) ? directory.users.get(username).display_name : username || '');
  return { agencyName, userName };
}
