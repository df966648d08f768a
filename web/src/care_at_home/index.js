// Care at home (seed 002): the provider framework, with each provider's standing
// under the quality gates and its inspections; a provider's packages; offers;
// and the re-plan of an area, applied once confirmed.
import { MarketPage } from './MarketPage.jsx';
import { NightSupportPanel } from './NightSupportPanel.jsx';
import { OffersPage } from './OffersPage.jsx';
import { OurPackagesPage, PackagesPage } from './PackagesPage.jsx';
import { ProviderPage } from './ProviderPage.jsx';
import { ReplanPage } from './ReplanPage.jsx';
import { ProvidersPage } from './ProvidersPage.jsx';

const PROVIDERS = { href: '/providers', text: 'Provider framework', action: 'providers.read' };
const OFFERS = { href: '/offers', text: 'Offers of care at home', action: 'allocation.read' };
const OUR_PACKAGES = { href: '/our-packages', text: 'Our packages: who we visit, when and with which carers', action: 'allocation.read' };
const REPLAN = { href: '/care-at-home/replan', text: 'Re-plan care at home so carers travel least, and apply it', action: 'allocation.offer' };
const MARKET = { href: '/care-at-home', text: 'Care at home: hours and cost', action: 'providers.read' };

export default {
  name: 'care_at_home',
  order: 50,
  routes: [
    { path: '/providers', component: ProvidersPage },
    { path: '/providers/:id', component: ProviderPage },
    { path: '/providers/:id/packages', component: PackagesPage },
    { path: '/our-packages', component: OurPackagesPage },
    { path: '/care-at-home', component: MarketPage },
    { path: '/offers', component: OffersPage },
    { path: '/care-at-home/replan', component: ReplanPage },
  ],
  personSections: [NightSupportPanel],
  nav: [
    { ...PROVIDERS, order: 70 },
    { ...MARKET, order: 71 },
    { ...OFFERS, order: 72 },
  ],
  homeLinks: {
    commissioner: [PROVIDERS, MARKET, OFFERS, REPLAN],
    provider_user: [OUR_PACKAGES, OFFERS],
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
    'allocation.propose': 'propose a costed plan for a personal budget model package',
    'allocation.agree': "agree a provider's costed plan or send it back",
  },
};
