// The directory of community opportunities: non-paid support (groups,
// activities, lunch clubs, social firms) with where and when, whom it is for and
// what it costs, searched by locality, kind and client group.
import { DirectoryPage } from './DirectoryPage.jsx';
import { EntryPage } from './EntryPage.jsx';

const DIRECTORY = { href: '/community', text: 'Community opportunities', action: 'community.read' };

export default {
  name: 'community',
  order: 55,
  routes: [
    { path: '/community', component: DirectoryPage },
    { path: '/community/new', component: EntryPage },
    { path: '/community/:id', component: EntryPage },
  ],
  nav: [{ ...DIRECTORY, order: 72 }],
  homeLinks: {
    assessor: [DIRECTORY],
    team_manager: [DIRECTORY],
    commissioner: [DIRECTORY],
    provider_user: [DIRECTORY],
  },
  actions: {
    'community.read': 'read the directory of community opportunities',
    'community.manage': 'add and change entries in the directory of community opportunities',
  },
};
