// Care at home (seed 002): the provider framework, with each provider's standing
// under the quality gates and its inspections.
import { MarketPage } from './MarketPage.jsx';
import { NightSupportPanel } from './NightSupportPanel.jsx';
import { OffersPage } from './OffersPage.jsx';
import { ProviderPage } from './ProviderPage.jsx';
import { ProvidersPage } from './ProvidersPage.jsx';

const PROVIDERS = { href: '/providers', text: 'Provider framework', action: 'providers.read' };
const OFFERS = { href: '/offers', text: 'Offers of care at home', action: 'allocation.read' };
const MARKET = { href: '/care-at-home', text: 'Care at home: hours and cost', action: 'providers.read' };

export default {
  name: 'care_at_home',
  order: 50,
  routes: [
    { path: '/providers', component: ProvidersPage },
    { path: '/providers/:id', component: ProviderPage },
    { path: '/care-at-home', component: MarketPage },
    { path: '/offers', component: OffersPage },
  ],
  personSections: [NightSupportPanel],
  nav: [
    { ...PROVIDERS, order: 70 },
    { ...MARKET, order: 71 },
    { ...OFFERS, order: 72 },
  ],
  homeLinks: {
    commissioner: [PROVIDERS, MARKET, OFFERS],
    provider_user: [OFFERS],
    finance_officer: [PROVIDERS, MARKET],
    analyst: [PROVIDERS, MARKET],
  },
  actions: {
    'providers.read': 'read the provider framework',
    'providers.manage': 'add providers and record their inspections',
    'workforce.read': "see a provider's staff bases and carers",
    'workforce.manage': "add or import a provider's bases and carers",
    'allocation.read': 'see packages, open packages and offers',
    'allocation.names': 'see the names of the people packages are for',
    'allocation.offer': 'offer packages to providers, re-plan an area and apply a re-plan',
    'allocation.answer': "accept or decline offers made to one's own provider",
  },
};
