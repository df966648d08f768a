// The access API (docs/api.md, "Who may see whose record") as the staff pages
// call it, and its codes in words.
import { api, enc } from '../shared/api.js';
import { useLoad } from '../shared/data.js';
import { words } from '../shared/format.js';

export const getCareTeam = (personId) => api.get(`/people/${enc(personId)}/care-team`).then((body) => body.members || []);
export const addMember = (personId, member) => api.post(`/people/${enc(personId)}/care-team`, member);
export const endMember = (personId, memberId, reason) => api.post(`/people/${enc(personId)}/care-team/${enc(memberId)}/end`, { reason });
export const getConsents = (personId) => api.get(`/people/${enc(personId)}/sharing-consents`).then((body) => body.consents || []);
export const recordConsent = (personId, consent) => api.post(`/people/${enc(personId)}/sharing-consents`, consent);
export const breakGlass = (personId, reason) => api.post(`/people/${enc(personId)}/break-glass`, { reason });
export const getGrants = (since) => api.get(`/break-glass${since ? `?since=${enc(since)}` : ''}`).then((body) => body.grants || []);
export const getAgreements = () => api.get('/sharing-agreements').then((body) => body.agreements || []);
export const addAgreement = (agreement) => api.post('/sharing-agreements', agreement);
export const endAgreement = (id, reason) => api.post(`/sharing-agreements/${enc(id)}/end`, { reason });
export const getUnusualVolumes = (date) => api.get(`/access/unusual-volumes${date ? `?date=${enc(date)}` : ''}`).then((body) => body.users || []);

let rules = null;
// Who may see what, and the limits (break glass hours, reason length): the same
// for the whole page load.
export function loadRules() {
  if (!rules) {
    rules = api.get('/access/rules');
    rules.catch(() => {
      rules = null;
    });
  }
  return rules;
}
export const useRules = () => useLoad(loadRules, 'access-rules');

let people = null;
// Agencies ({id: code, name, kind}) and users ({username, display_name, agency}),
// for the forms' choices.
export function loadDirectoryLists() {
  if (!people) {
    people = Promise.all([api.get('/agencies'), api.get('/users')]).then(
      ([agencies, users]) => ({ agencies: agencies.agencies || [], users: users.users || [] }),
      (error) => {
        people = null;
        throw error;
      },
    );
  }
  return people;
}
export const useDirectoryLists = () => useLoad(loadDirectoryLists, 'access-directory');

const TEAM_ROLES = {
  lead_agency: 'Lead agency',
  allocated_worker: 'Allocated worker',
  allocated_team: 'Allocated team',
  nhs_professional: 'NHS professional',
  provider: 'Care provider',
  support_planning: 'Support planning',
  carers_support: 'Carers’ support',
};
export const teamRoleText = (code) => TEAM_ROLES[code] || words(code);

const AGENCY_KINDS = { council: 'council', nhs_trust: 'NHS trust', provider: 'care provider', third_sector: 'third sector' };
export const agencyKindText = (code) => AGENCY_KINDS[code] || words(code);

const PARTS = {
  identity: 'Details',
  assessment: 'Assessment and budget',
  plan: 'Support plan',
  money: 'Money',
  case_work: 'Case history and notes',
  diary: 'Diary',
};
export const RECORD_PARTS = Object.keys(PARTS);
export const partText = (code) => PARTS[code] || words(code);

const REACHES = {
  none: 'No one’s record',
  care_team: 'People whose care team they or their agency are on',
  care_team_or_panel: 'Their care teams, and plans awaiting the Resource Allocation Group',
  own_record: 'Their own record only',
};
export const reachText = (code) => REACHES[code] || words(code);

// The labels of the access forms' fields, for errors in plain words (messages.js).
export const LABELS = {
  agency: 'Agency',
  username: 'Worker',
  team_role: 'Role on the team',
  starts_on: 'Starts on',
  ends_on: 'Ends on',
  reason: 'Reason',
  decision: 'Decision',
  note: 'Note',
  reference: 'Reference',
  purpose: 'What is shared and why',
};
