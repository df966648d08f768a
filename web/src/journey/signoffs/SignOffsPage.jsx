// Team manager sign-off: plans awaiting sign-off routed to a team manager, each
// with its amount against the indicative budget and the decision form.
import { useState } from 'preact/hooks';
import { api, enc } from '../../shared/api.js';
import { ErrorMessage, Loading, PageTitle } from '../../shared/components.jsx';
import { useLoad } from '../../shared/data.js';
import { formatDate, formatPence } from '../../shared/format.js';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { StepForm } from '../person/StepForms.jsx';
import { fullName, personPath } from '../records.jsx';

export function SignOffsPage() {
  return (
    <RequireAllowed action="people.decide" title="Sign-offs">
      <SignOffs />
    </RequireAllowed>
  );
}

async function loadWaiting() {
  const found = await api.get('/people?stage=awaiting_sign_off&limit=200');
  const people = (Array.isArray(found.people) ? found.people : []).filter((person) => person.sign_off_route === 'team_manager');
  const records = await Promise.all(people.map((person) => api.get(`/people/${enc(person.id)}`)));
  return records.filter((record) => record.sign_off && record.sign_off.route === 'team_manager');
}

function SignOffs() {
  const waiting = useLoad(loadWaiting, 'sign-offs');
  const [open, setOpen] = useState(null);
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
      {waiting.data && waiting.data.length > 0 && (
        <ul class="sign-offs" data-testid="sign-offs">
          {waiting.data.map((person) => (
            <li key={person.id} class="sign-off">
              <h2>
                <a href={personPath(person.id)}>{fullName(person)}</a>
              </h2>
              <p>
                Plan version {person.sign_off.plan_version}
                {person.sign_off.submitted_at ? `, submitted ${formatDate(person.sign_off.submitted_at)}` : ''}
                {person.indicative_budget ? `; indicative budget ${formatPence(person.indicative_budget.annual_pence)} a year` : ''}. {(person.sign_off.reasons || []).join(' ')}
              </p>
              {open === person.id ? (
                <StepForm
                  personId={person.id}
                  step="decide"
                  onCancel={() => setOpen(null)}
                  onDone={(record) => {
                    setOpen(null);
                    setDone(`${fullName(record)}: decision recorded; the stage is now ${String(record.stage).replace(/_/g, ' ')}.`);
                    waiting.reload();
                  }}
                />
              ) : (
                <button type="button" class="button button--secondary" onClick={() => setOpen(person.id)}>
                  Decide on {fullName(person)}’s plan
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
