// Care at home (seed 002): the provider framework, with each provider's standing
// under the quality gates and its inspections.
import { MarketPage } from './MarketPage.jsx';
import { ProviderPage } from './ProviderPage.jsx';
import { ProvidersPage } from './ProvidersPage.jsx';

const PROVIDERS = { href: '/providers', text: 'Provider framework', action: 'providers.read' };
const MARKET = { href: '/care-at-home', text: 'Care at home: hours and cost', action: 'providers.read' };

export default {
  name: 'care_at_home',
  order: 50,
  routes: [
    { path: '/providers', component: ProvidersPage },
    { path: '/providers/:id', component: ProviderPage },
    { path: '/care-at-home', component: MarketPage },
  ],
  nav: [
    { ...PROVIDERS, order: 70 },
    { ...MARKET, order: 71 },
  ],
  homeLinks: {
    commissioner: [PROVIDERS, MARKET],
    finance_officer: [PROVIDERS, MARKET],
    analyst: [PROVIDERS, MARKET],
  },
  actions: {
    'providers.read': 'read the provider framework',
    'providers.manage': 'add providers and record their inspections',
  },
};
