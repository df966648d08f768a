// Visit scheduling: run the engine on a day of visits and see the plan.
import { ProviderWeekPage } from './ProviderWeekPage.jsx';
import { SchedulingPage } from './SchedulingPage.jsx';
import './scheduling.css';

const SCHEDULING = { href: '/scheduling', text: 'Visit scheduling', action: 'scheduling.solve' };
const WEEK = { href: '/carers-week', text: 'Carers’ week: plan your carers’ visits from your packages', action: 'scheduling.provider_week' };

export default {
  name: 'scheduling',
  order: 40,
  routes: [
    { path: '/scheduling', component: SchedulingPage },
    { path: '/carers-week', component: ProviderWeekPage },
  ],
  nav: [{ href: '/scheduling', text: 'Scheduling', order: 60, action: 'scheduling.solve' }],
  homeLinks: {
    administrator: [SCHEDULING],
    commissioner: [SCHEDULING, { ...WEEK, text: 'Carers’ week: any provider’s plan' }],
    provider_user: [WEEK, { ...SCHEDULING, text: 'Visit scheduling: plan carers’ visits' }],
    analyst: [SCHEDULING],
  },
  actions: {
    'scheduling.solve': 'plan carers’ visits',
    'scheduling.provider_week': 'plan a provider’s carers’ week from its packages',
  },
};
