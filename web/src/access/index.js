// Who may see whose record: a person's own view of their support. Care teams,
// consent and break glass are reached through the API (docs/api.md).
import { MyRecordPage } from './MyRecordPage.jsx';

const MINE = { href: '/my-support', text: 'My support', action: 'people.read' };

export default {
  name: 'access',
  order: 95,
  routes: [{ path: '/my-support', component: MyRecordPage }],
  nav: [],
  homeLinks: {
    person: [MINE],
  },
  actions: {
    'access.read_rules': 'read who may see what',
    'access.read_care_team': "see a person's care team and their consent to share",
    'access.manage_care_team': "add to and end a person's care team, record consent",
    'access.break_glass': 'open a record outside the care team, with a reason',
    'access.review_break_glass': 'review break-glass accesses',
    'access.manage_agreements': 'record and end information sharing agreements',
    'access.read_volumes': 'see users who read unusually many records',
    'access.link_account': "link a person's own account to their record",
  },
};
