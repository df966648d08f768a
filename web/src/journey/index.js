// The personal budget journey: people's records, assessments, support plans,
// carers, sign-off, the Resource Allocation Group, reviews, printing, and agreed
// budgets against indicative budgets.
import { AssessmentPage } from './assessment/AssessmentPage.jsx';
import { CarerPage } from './carers/CarerPage.jsx';
import { DriftPage } from './drift/DriftPage.jsx';
import { PanelPage } from './panel/PanelPage.jsx';
import { EditPersonPage, NewPersonPage } from './people/NewPersonPage.jsx';
import { PeoplePage } from './people/PeoplePage.jsx';
import { PersonPage } from './person/PersonPage.jsx';
import { PlanPage } from './plan/PlanPage.jsx';
import { PrintPage } from './print/PrintPage.jsx';
import { ReviewsPage } from './reviews/ReviewsPage.jsx';
import { SignOffsPage } from './signoffs/SignOffsPage.jsx';
import './journey.css';
import './deciders.css';

const PEOPLE = { href: '/people', text: 'Find a person', action: 'people.read' };
const REVIEWS = { href: '/reviews', text: 'Reviews due', action: 'reviews.read' };
const DRIFT = { href: '/budgets/drift', text: 'Budgets’ drift', action: 'budgets.read_drift' };
const PANEL_QUEUE = { href: '/panel', text: 'Resource Allocation Group queue', action: 'panel.read_queue' };

export default {
  name: 'journey',
  order: 30,
  routes: [
    { path: '/people', component: PeoplePage },
    { path: '/people/new', component: NewPersonPage },
    { path: '/people/:id', component: PersonPage },
    { path: '/people/:id/edit', component: EditPersonPage },
    { path: '/people/:id/assessment', component: AssessmentPage },
    { path: '/people/:id/plan', component: PlanPage },
    { path: '/people/:id/print', component: PrintPage },
    { path: '/people/:id/carer', component: CarerPage },
    { path: '/panel', component: PanelPage },
    { path: '/sign-offs', component: SignOffsPage },
    { path: '/reviews', component: ReviewsPage },
    { path: '/budgets/drift', component: DriftPage },
  ],
  // The top bar has each role's pages, shown only to those the server allows.
  nav: [
    { href: '/people', text: 'People', order: 40, action: 'people.read' },
    { href: '/sign-offs', text: 'Sign-offs', order: 41, action: 'people.decide' },
    { href: '/panel', text: 'Panel', order: 42, action: 'panel.read_queue' },
    { href: '/reviews', text: 'Reviews', order: 43, action: 'reviews.read' },
    { href: '/budgets/drift', text: 'Drift', order: 46, action: 'budgets.read_drift' },
  ],
  homeLinks: {
    administrator: [PEOPLE, DRIFT],
    assessor: [PEOPLE, REVIEWS],
    team_manager: [{ href: '/sign-offs', text: 'Plans for your sign-off', action: 'people.decide' }, PEOPLE, REVIEWS, PANEL_QUEUE],
    panel_member: [{ ...PANEL_QUEUE, text: 'Resource Allocation Group: queue and meetings' }, PEOPLE],
    finance_officer: [DRIFT, PANEL_QUEUE, PEOPLE],
  },
  actions: {
    'people.read': 'read people’s records',
    'people.write': 'change people’s records',
    'people.decide': 'sign off support plans',
    'panel.read_queue': 'see the Resource Allocation Group’s queue',
    'panel.read': 'read Resource Allocation Group meetings',
    'panel.record': 'record Resource Allocation Group decisions',
    'panel.read_decisions': 'read every decision of the Resource Allocation Group',
    'reviews.read': 'see reviews due',
    'budgets.read_drift': 'compare agreed budgets with indicative budgets',
  },
};
