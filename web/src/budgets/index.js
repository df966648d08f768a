// Integrated budgets: pooled, aligned and fast-access budgets, monthly
// monitoring, payments import and the reports.
import { BudgetsPage } from './BudgetsPage.jsx';
import { FastAccessPage } from './FastAccessPage.jsx';
import { MonitoringPage } from './MonitoringPage.jsx';
import { BalanceOfCarePage, MyLocalityPage, NewAgainstPreviousPage, ProtectionPage, SettlementPage } from './ReportPages.jsx';
import './budgets.css';

const BUDGETS = { href: '/finance/budgets', text: 'Budgets', action: 'budgets.read' };
const FAST = { href: '/finance/fast-access', text: 'Fast-access budget', action: 'budgets.request_fast_access' };
const LOCALITY = { href: '/finance/my-locality', text: 'My locality’s budget', action: 'budgets.read_locality' };

export default {
  name: 'budgets',
  order: 50,
  routes: [
    { path: '/finance/budgets', component: BudgetsPage },
    { path: '/finance/budgets/:id', component: MonitoringPage },
    { path: '/finance/budgets/:id/settlement', component: SettlementPage },
    { path: '/finance/budgets/:id/protection', component: ProtectionPage },
    { path: '/finance/budgets/:id/balance-of-care', component: BalanceOfCarePage },
    { path: '/finance/reports/new-against-previous', component: NewAgainstPreviousPage },
    { path: '/finance/my-locality', component: MyLocalityPage },
    { path: '/finance/fast-access', component: FastAccessPage },
  ],
  nav: [{ ...BUDGETS, order: 47 }],
  homeLinks: {
    finance_officer: [BUDGETS, { href: '/finance/reports/new-against-previous', text: 'New against previous costs', action: 'budgets.read' }],
    administrator: [BUDGETS],
    assessor: [LOCALITY, FAST],
    team_manager: [LOCALITY, FAST],
  },
  actions: {
    'budgets.read': 'see budgets and their monitoring',
    'budgets.manage': 'add funds and budgets',
    'budgets.post_payments': 'post and import payments',
    'budgets.read_locality': 'see your own locality’s remaining budget',
    'budgets.request_fast_access': 'ask the fast-access budget for money',
    'budgets.decide_fast_access': 'decide fast-access requests',
  },
};
