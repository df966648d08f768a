import { api } from '../shared/api.js';
import { useLoad } from '../shared/data.js';

// The directory's codes in words.
export const KINDS = {
  group: 'Group',
  activity: 'Activity',
  lunch_club: 'Lunch club',
  social_firm: 'Social firm',
  befriending: 'Befriending',
  day_opportunity: 'Day opportunity',
};

export const CLIENT_GROUPS = {
  older_people: 'Older people',
  learning_disability: 'Learning disability',
  physical_disability: 'Physical disability',
  mental_health: 'Mental health',
  sensory_impairment: 'Sensory impairment',
  children: 'Children and young people',
  carers: 'Carers',
};

// The localities the directory's entries name, for choosing one (each council names its own).
export function useLocalities(tick) {
  const all = useLoad(() => api.get('/community'), `community-localities:${tick}`);
  return all.data ? [...new Set(all.data.entries.map((entry) => entry.locality))].sort() : [];
}

export const groupsText = (groups) => (groups.length === 0 ? 'Everyone' : groups.map((group) => CLIENT_GROUPS[group] || group).join(', '));

// "Free", or "£3.50 for lunch".
export function chargeText(entry) {
  if (!entry.charge_pence) return 'Free';
  const pounds = `£${Math.floor(entry.charge_pence / 100)}.${String(entry.charge_pence % 100).padStart(2, '0')}`;
  return entry.charge_note ? `${pounds} ${entry.charge_note}` : pounds;
}

// The form's labels for the API's paths (shared/messages.js has address, postcode, latitude, longitude, locality).
export const LABELS = {
  name: 'Name',
  kind: 'Kind',
  description: 'Description',
  opening_times: 'Opening times',
  contact: 'Contact',
  client_groups: 'Who it is for',
  charge_pence: 'Charge',
  charge_note: 'What the charge is for',
  expected_version: 'Version',
};
