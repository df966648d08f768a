// The map of care: people's packages, providers' bases and clusters, the
// localities and community opportunities, drawn from coordinates in the browser.
import { MapPage } from './MapPage.jsx';

const MAP = { href: '/care-at-home/map', text: 'Map of care', action: 'care_map.read' };

export default {
  name: 'map',
  order: 52,
  routes: [{ path: '/care-at-home/map', component: MapPage }],
  nav: [{ ...MAP, order: 73 }],
  homeLinks: {
    commissioner: [MAP],
    analyst: [MAP],
    finance_officer: [MAP],
    provider_user: [MAP],
  },
  actions: {
    'care_map.read': 'see packages, providers’ bases and community opportunities on the map of the area',
  },
};
