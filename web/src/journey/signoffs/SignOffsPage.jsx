// Team manager sign-off: each plan awaiting a team manager shown as the decider
// reads it (the person, the outcomes, every line with its cost, delivery option
// and funding, the totals, the indicative budget and range, the difference) with
// the decision form beside it.
import { useState } from 'preact/hooks';
import { api, enc } from '../../shared/api.js';
import { ErrorMessage, Loading, PageTitle } from '../../shared/components.jsx';
import { useLoad } from '../../shared/data.js';
import { formatDate, formatPence } from '../../shared/format.js';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { StepForm } from '../person/StepForms.jsx';
import { PlanSummary, differenceWords, planVersionOf } from '../plan/PlanSummary.jsx';
import { fullName, stageLabel } from '../records.jsx';

export function SignOffsPage() {
  return (
    <RequireAllowed action="people.decide" title="Sign-offs">
      <SignOffs />
    </RequireAllowed>
  );
}

// Every person whose plan waits for a team manager, with the plan version submitted.
async function loadWaiting() {
  const found = await api.get('/people?stage=awaiting_sign_off&limit=200');
  const people = (Array.isArray(found.people) ? found.people : []).filter((person) => person.sign_off_route === 'team_manager');
  const loaded = await Promise.all(
    people.map(async (summary) => {
      const [person, plans] = await Promise.all([api.get(`/people/${enc(summary.id)}`), api.get(`/people/${enc(summary.id)}/plans`)]);
      return { person, plan: person.sign_off ? planVersionOf(plans.plans, person.sign_off.plan_version) : null };
    }),
  );
  return loaded.filter(({ person }) => person.sign_off && person.sign_off.route === 'team_manager');
}

function SignOffs() {
  const waiting = useLoad(loadWaiting, 'sign-offs');
  const [done, setDone] = useState(null);
  return (
    <>
      <PageTitle>Plans for your sign-off</PageTitle>
      <p class="lead">Plans within their indicative range with no NHS funding are signed off by a team manager. A reason is needed whenever the agreed amount differs from the indicative budget.</p>
      {done && (
        <p class="success" role="status">
          {done}
        </p>
      )}
      {waiting.loading && <Loading what="Finding plans awaiting sign-off" />}
      <ErrorMessage error={waiting.error} title="The plans could not be loaded" />
      {waiting.data && waiting.data.length === 0 && <p>No plans are waiting for a team manager.</p>}
      {waiting.data && waiting.data.length > 1 && (
        <nav aria-label="Plans waiting" class="agenda-list no-print">
          <ol>
            {waiting.data.map(({ person, plan }) => (
              <li key={person.id}>
                <a href={`#sign-off-${person.id}`}>{fullName(person)}</a>: {plan ? formatPence(plan.totals.annual_pence) : ''} a year
              </li>
            ))}
          </ol>
        </nav>
      )}
      {waiting.data && waiting.data.length > 0 && (
        <div class="sign-offs" data-testid="sign-offs">
          {waiting.data.map(({ person, plan }) => (
            <article key={person.id} class="decision-card" id={`sign-off-${person.id}`} data-testid="sign-off" data-person={person.id} aria-labelledby={`sign-off-${person.id}-name`}>
              <h2 id={`sign-off-${person.id}-name`}>{fullName(person)}</h2>
              <p class="small">
                Plan version {person.sign_off.plan_version}
                {person.sign_off.submitted_at ? `, submitted ${formatDate(person.sign_off.submitted_at)}` : ''}
                {plan && person.indicative_budget ? `: ${formatPence(plan.totals.annual_pence)} a year, ${differenceWords(plan.totals.annual_pence - person.indicative_budget.annual_pence)}.` : '.'}
              </p>
              <div class="decide-layout">
                <section class="decide-layout__plan" aria-label={`The plan for ${fullName(person)}`}>
                  {plan ? <PlanSummary person={person} plan={plan} idPrefix={`sign-off-${person.id}`} /> : <p class="muted">The submitted plan version could not be found.</p>}
                </section>
                <section class="decide-layout__decision" aria-label={`Decision on ${fullName(person)}’s plan`}>
                  <StepForm
                    personId={person.id}
                    step="decide"
                    autoFocus={false}
                    idPrefix={`decide-${person.id}`}
                    title={`Decision on ${fullName(person)}’s plan`}
                    onDone={(record) => {
                      setDone(`${fullName(record)}: decision recorded; the stage is now ${stageLabel(record.stage)}.`);
                      waiting.reload();
                    }}
                  />
                </section>
              </div>
            </article>
          ))}
        </div>
      )}
    </>
  );
}
