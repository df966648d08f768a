// Identity: the start page, signing in, each role's home page, and the page for
// an address that has none.
import { HomePage } from './HomePage.jsx';
import { LandingPage } from './LandingPage.jsx';
import { NotFoundPage } from './NotFoundPage.jsx';
import { SignInPage } from './SignInPage.jsx';

export { NotFoundPage };

export default {
  name: 'identity',
  order: 10,
  routes: [
    { path: '/', component: LandingPage },
    { path: '/sign-in', component: SignInPage },
    { path: '/home', component: HomePage },
  ],
  nav: [
    { href: '/home', text: 'Home', order: 30, when: 'signed-in' },
    { href: '/sign-in', text: 'Sign in', order: 90, when: 'signed-out' },
  ],
  actions: {
    'audit.read': 'read the audit log',
  },
};
