// Who may see whose record: a person's own view of their support; on a person's
// page, their care team and consent to share, and break glass when the record is
// refused; for managers and the data protection officer, break-glass accesses,
// information sharing agreements, unusual volumes and who may see what.
import { AgreementsPage } from './AgreementsPage.jsx';
import { BreakGlassOffer } from './BreakGlassOffer.jsx';
import { BreakGlassReviewPage } from './BreakGlassReviewPage.jsx';
import { CareTeamPanel } from './CareTeamPanel.jsx';
import { MyRecordPage } from './MyRecordPage.jsx';
import { RulesPage } from './RulesPage.jsx';
import { UnusualVolumesPage } from './UnusualVolumesPage.jsx';

const MINE = { href: '/my-support', text: 'My support', action: 'people.read' };
const REVIEW = { href: '/access/break-glass', text: 'Break-glass accesses', action: 'access.review_break_glass' };
const AGREEMENTS = { href: '/access/agreements', text: 'Information sharing agreements', action: 'access.manage_agreements' };
const VOLUMES = { href: '/access/unusual-volumes', text: 'Unusual volumes of reading', action: 'access.read_volumes' };
const RULES = { href: '/access/rules', text: 'Who may see what', action: 'access.read_rules' };

export default {
  name: 'access',
  order: 95,
  routes: [
    { path: '/my-support', component: MyRecordPage },
    { path: '/access/break-glass', component: BreakGlassReviewPage },
    { path: '/access/agreements', component: AgreementsPage },
    { path: '/access/unusual-volumes', component: UnusualVolumesPage },
    { path: '/access/rules', component: RulesPage },
  ],
  personSections: [CareTeamPanel],
  personRefusals: [BreakGlassOffer],
  nav: [],
  homeLinks: {
    person: [MINE],
    assessor: [RULES],
    team_manager: [REVIEW, AGREEMENTS, RULES],
    data_protection_officer: [REVIEW, VOLUMES, AGREEMENTS, RULES],
    administrator: [RULES],
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
