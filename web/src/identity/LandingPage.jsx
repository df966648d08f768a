import { PageTitle } from '../shared/components.jsx';
import { useSession } from '../shared/session.js';

export function LandingPage() {
  const { user } = useSession();
  return (
    <>
      <PageTitle title="Care and support budgets">Care and support: how much might my budget be?</PageTitle>
      <p class="lead">
        If you have been assessed as needing care and support, the council works out an indicative budget from your answers to a published set of questions. You can
        do the same here, and read exactly how it is worked out.
      </p>
      <div class="cards">
        <a class="card" href="/calculator">
          <span class="card__title">Work out an indicative budget</span>
          <span class="card__text">Answer the questions and see an amount for a year and a week, with how it was worked out.</span>
        </a>
        <a class="card" href="/criteria">
          <span class="card__title">Read the published criteria</span>
          <span class="card__text">Every question, answer and its points on one page you can print.</span>
        </a>
        <a class="card" href={user ? '/home' : '/sign-in'}>
          <span class="card__title">{user ? 'Your staff home page' : 'Staff sign in'}</span>
          <span class="card__text">For council, NHS and provider staff.</span>
        </a>
      </div>
      <p>
        An indicative budget is a starting point for planning your support, never a limit. The budget you agree in your support plan is what it reasonably costs to meet
        your eligible needs.
      </p>
    </>
  );
}
