// The page frame (header, navigation, sign-out) and the routes.
import { useState } from 'preact/hooks';
import { matchPath, navigate, useLocation } from './router.js';
import { hasRole, signOut, useSession } from './session.js';
import { CalculatorPage } from './pages/calculator/CalculatorPage.jsx';
import { CriteriaPage } from './pages/criteria/CriteriaPage.jsx';
import { HomePage } from './pages/home/HomePage.jsx';
import { LandingPage } from './pages/landing/LandingPage.jsx';
import { NotFoundPage } from './pages/notfound/NotFoundPage.jsx';
import { CalibratePage } from './pages/rulebooks/CalibratePage.jsx';
import { ComparePage } from './pages/rulebooks/ComparePage.jsx';
import { RulebooksPage } from './pages/rulebooks/RulebooksPage.jsx';
import { SimulatePage } from './pages/rulebooks/SimulatePage.jsx';
import { VersionPage } from './pages/rulebooks/VersionPage.jsx';
import { SignInPage } from './pages/signin/SignInPage.jsx';
import { PeoplePage } from './pages/people/PeoplePage.jsx';
import { EditPersonPage, NewPersonPage } from './pages/people/NewPersonPage.jsx';
import { PersonPage } from './pages/person/PersonPage.jsx';
import { AssessmentPage } from './pages/assessment/AssessmentPage.jsx';
import { PlanPage } from './pages/plan/PlanPage.jsx';
import { PrintPage } from './pages/print/PrintPage.jsx';
import { CarerPage } from './pages/carers/CarerPage.jsx';
import { PanelPage } from './pages/panel/PanelPage.jsx';
import { SignOffsPage } from './pages/signoffs/SignOffsPage.jsx';
import { ReviewsPage } from './pages/reviews/ReviewsPage.jsx';
import { DriftPage } from './pages/drift/DriftPage.jsx';
import { SchedulingPage } from './pages/scheduling/SchedulingPage.jsx';

const ROUTES = [
  ['/', LandingPage],
  ['/calculator', CalculatorPage],
  ['/criteria', CriteriaPage],
  ['/sign-in', SignInPage],
  ['/home', HomePage],
  ['/rulebooks', RulebooksPage],
  ['/rulebooks/:id/compare', ComparePage],
  ['/rulebooks/:id/versions/:version', VersionPage],
  ['/rulebooks/:id/versions/:version/calibrate', CalibratePage],
  ['/rulebooks/:id/versions/:version/simulate', SimulatePage],
  ['/people', PeoplePage],
  ['/people/new', NewPersonPage],
  ['/people/:id', PersonPage],
  ['/people/:id/edit', EditPersonPage],
  ['/people/:id/assessment', AssessmentPage],
  ['/people/:id/plan', PlanPage],
  ['/people/:id/print', PrintPage],
  ['/people/:id/carer', CarerPage],
  ['/panel', PanelPage],
  ['/sign-offs', SignOffsPage],
  ['/reviews', ReviewsPage],
  ['/budgets/drift', DriftPage],
  ['/scheduling', SchedulingPage],
];

function route(path) {
  for (const [pattern, Page] of ROUTES) {
    const params = matchPath(pattern, path);
    if (params) return { Page, params };
  }
  return { Page: NotFoundPage, params: {} };
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
            <NavLink href="/calculator" current={path}>
              Calculator
            </NavLink>
            <NavLink href="/criteria" current={path}>
              Criteria
            </NavLink>
            {user && (
              <NavLink href="/home" current={path}>
                Home
              </NavLink>
            )}
            {hasRole(user, 'assessor', 'team_manager', 'panel_member', 'finance_officer', 'administrator') && (
              <NavLink href="/people" current={path}>
                People
              </NavLink>
            )}
            {hasRole(user, 'analyst', 'administrator') && (
              <NavLink href="/rulebooks" current={path}>
                Rulebooks
              </NavLink>
            )}
            {!user && (
              <NavLink href="/sign-in" current={path}>
                Sign in
              </NavLink>
            )}
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
