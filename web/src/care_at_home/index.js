// Care at home (seed 002): the provider framework, with each provider's standing
// under the quality gates and its inspections.
import { ProviderPage } from './ProviderPage.jsx';
import { ProvidersPage } from './ProvidersPage.jsx';

const PROVIDERS = { href: '/providers', text: 'Provider framework', action: 'providers.read' };

export default {
  name: 'care_at_home',
  order: 50,
  routes: [
    { path: '/providers', component: ProvidersPage },
    { path: '/providers/:id', component: ProviderPage },
  ],
  nav: [{ ...PROVIDERS, order: 70 }],
  homeLinks: {
    commissioner: [PROVIDERS],
    finance_officer: [PROVIDERS],
    analyst: [PROVIDERS],
  },
  actions: {
    'providers.read': 'read the provider framework',
    'providers.manage': 'add providers and record their inspections',
  },
};
