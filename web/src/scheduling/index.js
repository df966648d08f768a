// Visit scheduling: run the engine on a day of visits and see the plan.
import { SchedulingPage } from './SchedulingPage.jsx';
import './scheduling.css';

const SCHEDULING = { href: '/scheduling', text: 'Visit scheduling', action: 'scheduling.solve' };

export default {
  name: 'scheduling',
  order: 40,
  routes: [{ path: '/scheduling', component: SchedulingPage }],
  nav: [{ href: '/scheduling', text: 'Scheduling', order: 60, action: 'scheduling.solve' }],
  homeLinks: {
    administrator: [SCHEDULING],
    commissioner: [SCHEDULING],
    provider_user: [{ ...SCHEDULING, text: 'Visit scheduling: plan carers’ visits' }],
    analyst: [SCHEDULING],
  },
  actions: {
    'scheduling.solve': 'plan carers’ visits',
  },
};
