// Loading the charging rules in force on a date (docs/charging.md).
import { api, enc } from '../shared/api.js';

export async function rulesInForce(on) {
  const body = await api.get('/charging-rules');
  const all = (body && Array.isArray(body.rules) ? body.rules : []).filter((rules) => rules.effective_from <= on);
  all.sort((a, b) => (a.effective_from === b.effective_from ? a.version - b.version : a.effective_from < b.effective_from ? -1 : 1));
  const chosen = all[all.length - 1];
  if (!chosen) return null;
  return api.get(`/charging-rules/${enc(chosen.id)}/versions/${enc(chosen.version)}`);
}
