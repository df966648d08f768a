// Casework: caseloads and tasks, allocation and reallocation, case notes (on
// the person's page, PersonCasework.jsx) and the address gazetteer.
import { CaseloadPage } from './CaseloadPage.jsx';
import { GazetteerPage } from './GazetteerPage.jsx';
import { PersonCasework } from './PersonCasework.jsx';
import { TeamCaseloadPage } from './TeamCaseloadPage.jsx';
import './casework.css';

const CASELOAD = { href: '/caseload', text: 'My caseload and tasks', action: 'caseload.read' };
const GAZETTEER = { href: '/addresses', text: 'Address gazetteer', action: 'addresses.import' };

export default {
  name: 'casework',
  order: 35,
  routes: [
    { path: '/caseload', component: CaseloadPage },
    { path: '/teams/:id/caseload', component: TeamCaseloadPage },
    { path: '/addresses', component: GazetteerPage },
  ],
  nav: [{ href: '/caseload', text: 'Caseload', order: 38, action: 'caseload.read' }],
  // Allocation, case notes and linking a carer, on the person's page.
  personSections: [PersonCasework],
  homeLinks: {
    assessor: [CASELOAD],
    team_manager: [{ ...CASELOAD, text: 'My caseload, tasks and my teams’ caseloads' }],
    administrator: [GAZETTEER],
  },
  actions: {
    'caseload.read': 'see their caseload and tasks',
    'caseload.read_team': 'see a team’s caseload',
    'caseload.allocate': 'allocate and reallocate cases',
    'notes.read': 'read case notes',
    'notes.write': 'write case notes',
    'addresses.read': 'look up addresses',
    'addresses.import': 'import the address gazetteer',
  },
};
