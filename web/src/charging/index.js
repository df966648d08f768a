// Charging (Care Act s26): what a person pays towards their care, from their
// financial assessment, with the arithmetic; the published charging rules.
import { ChargingPage } from './ChargingPage.jsx';
import { ChargingRulesPage } from './ChargingRulesPage.jsx';
import './charging.css';

export default {
  name: 'charging',
  order: 35,
  routes: [
    { path: '/people/:id/charging', component: ChargingPage },
    { path: '/charging-rules', component: ChargingRulesPage },
  ],
  homeLinks: {
    finance_officer: [{ href: '/charging-rules', text: 'Charging rules' }],
  },
  personLinks: [{ text: 'What the person pays (financial assessment)', href: (id) => `/people/${id}/charging`, action: 'charging.read' }],
  actions: {
    'charging.read': 'read a person’s financial assessment',
    'charging.assess': 'record a financial assessment',
    'charging.publish_rules': 'publish charging rules',
  },
};
