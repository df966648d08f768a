// A person's own view (or their representative's): their budget and how it was
// worked out, their support plan and what they pay. The account reaches this one
// record only (app/access), so the page asks the people list for "mine".
import { useEffect, useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { formatDate, formatPence } from '../shared/format.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';

export function MyRecordPage() {
  return (
    <RequireAllowed action="people.read" title="My support">
      <MyRecord />
    </RequireAllowed>
  );
}

function MyRecord() {
  const [state, setState] = useState({ loading: true });
  useEffect(() => {
    (async () => {
      try {
        const mine = await api.get('/people?limit=1');
        if (mine.people.length === 0) {
          setState({ none: true });
          return;
        }
        const id = mine.people[0].id;
        const [person, plans, charging] = await Promise.all([
          api.get(`/people/${id}`),
          api.get(`/people/${id}/plans`),
          api.get(`/people/${id}/charging`).catch(() => null),
        ]);
        setState({ person, plans: plans.plans, charging });
      } catch (error) {
        setState({ error });
      }
    })();
  }, []);

  if (state.loading) return <Loading what="Loading your record" />;
  if (state.error) return <ErrorMessage error={state.error} />;
  if (state.none) {
    return (
      <>
        <PageTitle>My support</PageTitle>
        <p>Your account is not linked to a record yet. Ask your worker to link it.</p>
      </>
    );
  }
  const { person, plans, charging } = state;
  const indicative = person.indicative_budget;
  const agreed = person.agreed_budget;
  const plan = plans.length > 0 ? plans[plans.length - 1] : null;
  return (
    <>
      <PageTitle title="My support">
        My support: {person.given_name} {person.family_name}
      </PageTitle>
      <section aria-labelledby="my-budget">
        <h2 id="my-budget">My budget</h2>
        {agreed ? (
          <p>
            Your agreed budget is <strong>{formatPence(agreed.annual_pence)}</strong> a year ({formatPence(agreed.weekly_pence)} a
            week), from {formatDate(agreed.start)}. It is next reviewed by {formatDate(agreed.review_due)}.
          </p>
        ) : (
          <p>Your budget has not been agreed yet.</p>
        )}
        {indicative && (
          <>
            <h3>How it was worked out</h3>
            <p>
              Your assessment gave an indicative budget of {formatPence(indicative.annual_pence)} a year, between{' '}
              {formatPence(indicative.lower_annual_pence)} and {formatPence(indicative.upper_annual_pence)}.
            </p>
            <ol class="derivation">
              {indicative.derivation.map((step, index) => (
                <li key={index}>{step}</li>
              ))}
            </ol>
          </>
        )}
      </section>
      <section aria-labelledby="my-plan">
        <h2 id="my-plan">My support plan</h2>
        {plan ? (
          <>
            <p>Version {plan.version}, written {formatDate(plan.created_at.slice(0, 10))}.</p>
            {plan.outcomes.length > 0 && (
              <ul>
                {plan.outcomes.map((outcome, index) => (
                  <li key={index}>{outcome}</li>
                ))}
              </ul>
            )}
            <TableWrap label="Support in my plan">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Support</th>
                    <th scope="col">Provider</th>
                    <th scope="col">Units a week</th>
                    <th scope="col">Cost of a unit</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.lines.map((line, index) => (
                    <tr key={index}>
                      <td>{line.description}</td>
                      <td>{line.provider || 'to be chosen'}</td>
                      <td>{line.units_per_week}</td>
                      <td>{formatPence(line.unit_cost_pence)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <p>
              The plan costs {formatPence(plan.totals.weekly_pence)} a week ({formatPence(plan.totals.annual_pence)} a year).
            </p>
          </>
        ) : (
          <p>You do not have a support plan yet.</p>
        )}
      </section>
      <section aria-labelledby="my-contribution">
        <h2 id="my-contribution">What I pay</h2>
        {charging && charging.shares ? (
          <p>
            You pay <strong>{formatPence(charging.shares.person_pence)}</strong> a week towards the{' '}
            {formatPence(charging.shares.weekly_cost_pence)} your support costs.
          </p>
        ) : (
          <p>No financial assessment has been recorded, so there is no contribution to show.</p>
        )}
      </section>
    </>
  );
}
