// Which parts of a person's record ("identity", "assessment", "plan", "money",
// "case_work", "diary") the signed-in user's roles see: the union of their roles'
// parts in the council's rules (GET /api/v1/access/rules), so a page asks only
// for what the user may read instead of showing a refusal. The server decides
// every read again; this only keeps pages from offering what it would refuse.
import { api } from './api.js';
import { useLoad } from './data.js';
import { useSession } from './session.js';

let rules = null;

function loadRules() {
  if (!rules) {
    rules = api.get('/access/rules');
    rules.catch(() => {
      rules = null;
    });
  }
  return rules;
}

// A function part => boolean, or null until the rules have loaded.
export function useRecordParts() {
  const { user } = useSession();
  const loaded = useLoad(loadRules, 'access-rules');
  if (!user || !loaded.data) return null;
  const roles = Array.isArray(user.roles) ? user.roles : [];
  const seen = new Set();
  for (const rule of loaded.data.roles || []) {
    if (roles.includes(rule.role)) for (const part of rule.parts || []) seen.add(part);
  }
  return (part) => seen.has(part);
}
