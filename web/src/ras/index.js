// The Resource Allocation System: the public calculator and criteria, and the
// analysts' rulebook pages (versions, compare, calibrate, simulate).
import { CalculatorPage } from './calculator/CalculatorPage.jsx';
import { CriteriaPage } from './criteria/CriteriaPage.jsx';
import { DraftPage } from './governance/DraftPage.jsx';
import { CalibratePage } from './rulebooks/CalibratePage.jsx';
import { ComparePage } from './rulebooks/ComparePage.jsx';
import { RulebooksPage } from './rulebooks/RulebooksPage.jsx';
import { SimulatePage } from './rulebooks/SimulatePage.jsx';
import { VersionPage } from './rulebooks/VersionPage.jsx';

const RULEBOOKS = { href: '/rulebooks', text: 'Rulebooks', action: 'rulebooks.read_drafts' };

export default {
  name: 'ras',
  order: 20,
  routes: [
    { path: '/calculator', component: CalculatorPage },
    { path: '/criteria', component: CriteriaPage },
    { path: '/rulebooks', component: RulebooksPage },
    { path: '/rulebooks/:id/compare', component: ComparePage },
    { path: '/rulebooks/:id/drafts/:version', component: DraftPage },
    { path: '/rulebooks/:id/versions/:version', component: VersionPage },
    { path: '/rulebooks/:id/versions/:version/calibrate', component: CalibratePage },
    { path: '/rulebooks/:id/versions/:version/simulate', component: SimulatePage },
  ],
  nav: [
    { href: '/calculator', text: 'Calculator', order: 10 },
    { href: '/criteria', text: 'Criteria', order: 20 },
    { ...RULEBOOKS, order: 50 },
  ],
  homeLinks: {
    administrator: [RULEBOOKS],
    analyst: [{ ...RULEBOOKS, text: 'Rulebooks: upload, calibrate, simulate, propose' }],
    commissioner: [{ ...RULEBOOKS, text: 'Rulebooks: approve or reject proposed versions' }],
    everyone: [
      { href: '/calculator', text: 'Public calculator' },
      { href: '/criteria', text: 'Published criteria' },
    ],
  },
  actions: {
    'rulebooks.draft': 'upload or calibrate draft rulebook versions',
    'rulebooks.read_drafts': 'read draft rulebook versions and their history',
    'rulebooks.propose': 'propose a draft rulebook version',
    'rulebooks.approve': 'approve or reject a proposed rulebook version',
    'rulebooks.validate': 'check rulebooks',
    'rulebooks.calibrate': 'calibrate rulebooks',
    'rulebooks.simulate': 'simulate rulebooks over a population',
  },
};
