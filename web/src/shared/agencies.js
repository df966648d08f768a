// Agencies by name: records, events and meetings carry an agency's code
// ("demo-nhs"); pages show its name ("Demo NHS Foundation Trust"). The list
// (GET /api/v1/agencies) is fetched once per page load.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';

let pending = null;

function loadAgencies() {
  if (!pending) {
    pending = api.get('/agencies').then(
      (body) => new Map((body && Array.isArray(body.agencies) ? body.agencies : []).map((agency) => [agency.id, agency.name])),
      (error) => {
        pending = null;
        throw error;
      },
    );
  }
  return pending;
}

// A function from an agency's code to its name (the code itself until the
// names arrive, or if the agency is unknown).
export function useAgencyNames() {
  const [names, setNames] = useState(null);
  useEffect(() => {
    let live = true;
    loadAgencies().then(
      (map) => live && setNames(map),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return (code) => (code && names && names.get(code)) || code || '';
}
