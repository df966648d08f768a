// The page frame (header, navigation, sign-out) and the routes, gathered from
// every capability (capabilities.js).
import { useState } from 'preact/hooks';
import * as capabilities from './capabilities.js';
import { NotFoundPage } from './identity/index.js';
import { can } from './shared/permissions.js';
import { navLinks, registerCapabilities } from './shared/registry.js';
import { matchPath, navigate, useLocation } from './shared/router.js';
import { signOut, useSession } from './shared/session.js';

const ROUTES = registerCapabilities(Object.values(capabilities)).flatMap((capability) => capability.routes || []);

function route(path) {
  for (const { path: pattern, component } of ROUTES) {
    const params = matchPath(pattern, path);
    if (params) return { Page: component, params };
  }
  return { Page: NotFoundPage, params: {} };
}

// A header link is shown when the user may use it: signed in or out as it asks,
// and allowed its action.
function shown(link, user) {
  if (link.when === 'signed-in' && !user) return false;
  if (link.when === 'signed-out' && user) return false;
  return !link.action || can(user, link.action);
}

function NavLink({ href, current, children }) {
  const active = current === href || (href !== '/' && current.startsWith(href + '/'));
  return (
    <li>
      <a href={href} aria-current={active ? 'page' : undefined}>
        {children}
      </a>
    </li>
  );
}

function Header({ path }) {
  const { user } = useSession();
  const [problem, setProblem] = useState(null);
  const doSignOut = async () => {
    setProblem(null);
    try {
      await signOut();
    } catch (error) {
      // The session is forgotten here either way; a 401 means it had already ended.
      if (error.status !== 401) setProblem('Signing out on the server failed; you are signed out in this browser.');
    }
    navigate('/sign-in?signed_out=1');
  };
  return (
    <header class="site-header">
      <div class="container site-header__inner">
        <a class="brand" href="/">
          Allot
        </a>
        <nav aria-label="Main">
          <ul class="nav">
            {navLinks()
              .filter((link) => shown(link, user))
              .map((link) => (
                <NavLink key={link.href} href={link.href} current={path}>
                  {link.text}
                </NavLink>
              ))}
          </ul>
        </nav>
        {user && (
          <div class="account">
            <span class="account__name">{user.display_name || user.username}</span>
            <button type="button" class="button button--small" onClick={doSignOut}>
              Sign out
            </button>
          </div>
        )}
      </div>
      {problem && (
        <p class="container error-inline" role="alert">
          {problem}
        </p>
      )}
    </header>
  );
}

export function App() {
  const { path } = useLocation();
  const { Page, params } = route(path);
  return (
    <>
      <Header path={path} />
      <main id="main" class="container" tabIndex={-1}>
        <Page key={path} {...params} />
      </main>
      <footer class="site-footer">
        <div class="container">
          <p>
            Allot is open software for councils and NHS partners. An indicative budget is a starting point for support planning, never a cap.{' '}
            <a href="/criteria">Published criteria</a>
          </p>
        </div>
      </footer>
    </>
  );
}
