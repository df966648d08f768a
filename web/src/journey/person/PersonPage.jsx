// A person's page: details, the current stage, the steps allowed now, the
// indicative and agreed budgets side by side, protection, carers and the
// timeline of everything recorded (who, agency, when, what, why).
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, enc } from '../../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../../shared/components.jsx';
import { useLoad } from '../../shared/data.js';
import { formatDate, formatPence, words } from '../../shared/format.js';
import { can } from '../../shared/permissions.js';
import { useRecordParts } from '../../shared/parts.js';
import { PersonLinks } from '../../shared/PersonLinks.jsx';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { useSession } from '../../shared/session.js';
import { codeLabel, fullName, getPerson, personPath, stageLabel } from '../records.jsx';
import { deliveryLabel } from '../plan/PlanSummary.jsx';
import { Timeline } from '../timeline/Timeline.jsx';
import { BudgetsSideBySide, StepsPanel } from './StepForms.jsx';
import { PersonRefused, PersonSections } from '../../shared/PersonSections.jsx';

export function PersonPage({ id }) {
  return (
    <RequireAllowed action="people.read" title="A person’s record">
      <Person id={id} />
    </RequireAllowed>
  );
}

function Person({ id }) {
  const loaded = useLoad(() => getPerson(id), id);
  const sees = useRecordParts();
  const [person, setPerson] = useState(null);
  const [tick, setTick] = useState(0);
  useEffect(() => setPerson(loaded.data), [loaded.data]);
  if (loaded.loading) return <Loading what="Loading the record" />;
  if (loaded.error) {
    return (
      <>
        <ErrorMessage error={loaded.error} title="The record could not be loaded" />
        <PersonRefused id={id} error={loaded.error} onOpened={loaded.reload} />
      </>
    );
  }
  if (!person || !sees) return null;
  return (
    <>
      <p class="breadcrumbs no-print">
        <a href="/people">Find a person</a>
      </p>
      <PageTitle title={fullName(person)}>
        {fullName(person)} <span class="tag" data-testid="stage">{stageLabel(person.stage)}</span>
      </PageTitle>
      <p class="no-print action-links">
        {/* The printout is the budget and the plan: offered to those who see the plan. */}
        {sees('plan') && <a href={`${personPath(person.id)}/print`}>Printable budget and support plan</a>}
        <ChangeDetailsLink id={person.id} />
      </p>
      <StepsPanel
        person={person}
        onChanged={(record) => {
          setPerson(record);
          setTick((n) => n + 1);
        }}
      />
      <h2>Budgets</h2>
      <BudgetsSideBySide person={person} />
      <PersonLinks personId={person.id} />
      <SignOff person={person} />
      <Splits person={person} />
      <Protection person={person} />
      <Details person={person} />
      {/* Carers' records show their assessments and budgets. */}
      {sees('assessment') && sees('money') && <Carers person={person} />}
      <PersonSections person={person} onChanged={() => setTick((n) => n + 1)} />
      {/* The timeline is the case history: the workers' own part of the record. */}
      {sees('case_work') && <Timeline id={person.id} tick={tick} />}
    </>
  );
}

function ChangeDetailsLink({ id }) {
  const { user } = useSession();
  if (!can(user, 'people.write')) return null;
  return (
    <>
      {' · '}
      <a href={`${personPath(id)}/edit`}>Change details</a>
    </>
  );
}

function SignOff({ person }) {
  if (!person.sign_off) return null;
  const reasons = Array.isArray(person.sign_off.reasons) ? person.sign_off.reasons : [];
  return (
    <div class="notice" data-testid="sign-off">
      <p>
        Plan version {person.sign_off.plan_version} awaits sign-off by the <strong>{person.sign_off.route === 'team_manager' ? 'team manager' : 'Resource Allocation Group'}</strong>
        {person.sign_off.submitted_at ? `, submitted ${formatDate(person.sign_off.submitted_at)}` : ''}.
      </p>
      {reasons.length > 0 && (
        <ul>
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Splits({ person }) {
  const agreed = person.agreed_budget;
  if (!agreed || (!agreed.by_delivery && !agreed.by_funding)) return null;
  const rows = [
    ...Object.entries(agreed.by_delivery || {}).map(([key, value]) => ['How it is delivered', deliveryLabel(key), value]),
    ...Object.entries(agreed.by_funding || {}).map(([key, value]) => ['Who funds it', key === 'nhs' ? 'NHS' : words(key), value]),
  ];
  return (
    <TableWrap label="How the agreed budget is split">
      <table class="data" data-testid="splits">
        <caption>How the agreed budget is split (a year)</caption>
        <thead>
          <tr>
            <th scope="col">Split</th>
            <th scope="col">Part</th>
            <th scope="col" class="num">Amount</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([group, part, value]) => (
            <tr key={group + part}>
              <td>{group}</td>
              <td>{part}</td>
              <td class="num">{formatPence(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Protection({ person }) {
  const protection = person.protection;
  if (!protection) return null;
  return (
    <div class="notice" data-testid="protection">
      <p>
        Transitional protection of <strong>{formatPence(protection.annual_pence)}</strong> a year from the protection fund (the previous package was{' '}
        {formatPence(protection.previous_package_annual_pence)} a year); review due {formatDate(protection.review_due)}.
      </p>
    </div>
  );
}

export function Details({ person }) {
  const rows = [
    ['Date of birth', formatDate(person.date_of_birth)],
    ['NHS number', person.nhs_number ? String(person.nhs_number).replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3') : 'Not recorded'],
    ['Address', [person.address, person.postcode].filter(Boolean).join(', ') || 'Not recorded'],
    ['Primary support reason', codeLabel('primary_support_reason', person.primary_support_reason)],
    ['Client group', codeLabel('client_group', person.client_group)],
    ['Has an unpaid carer', person.has_unpaid_carer === null || person.has_unpaid_carer === undefined ? 'Not known' : person.has_unpaid_carer ? 'Yes' : 'No'],
    ['Accommodation', codeLabel('accommodation_status', person.accommodation_status) || 'Not recorded'],
    ['Employment', codeLabel('employment_status', person.employment_status) || 'Not recorded'],
    ['Locality and team', `${person.locality || ''}${person.team ? `, ${person.team}` : ''}`],
  ];
  if (person.enablement) rows.push(['Enablement', `from ${formatDate(person.enablement.start)}, planned to end ${formatDate(person.enablement.planned_end)}`]);
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <dl class="facts facts--grid">
        {rows.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

function Carers({ person }) {
  const { user } = useSession();
  const carers = useLoad(() => (person.cares_for ? Promise.resolve(null) : api.get('/carers')), `carers-${person.id}`);
  if (person.cares_for) {
    const carer = person.carer || {};
    const first = carer.first_stage;
    const full = carer.full_assessment;
    return (
      <section aria-labelledby="carer-heading">
        <h2 id="carer-heading">Carer</h2>
        <p>
          Cares for <a href={personPath(person.cares_for)}>person {person.cares_for}</a>.{' '}
          {can(user, 'people.write') && <a href={`${personPath(person.id)}/carer`}>Carer’s assessments</a>}
        </p>
        <p data-testid="carer-summary">
          {first ? `First stage: impact score ${first.impact_score}; ${first.refer_for_full_assessment ? 'referred for a full assessment' : 'universal support'}.` : 'No first-stage assessment yet.'}{' '}
          {full ? `Carer’s budget ${formatPence(full.agreed_annual_pence ?? full.annual_pence)} a year.` : ''}
        </p>
      </section>
    );
  }
  // A carer summary names the person cared for as {id, …} (or, read defensively, as an id).
  const caredForId = (carer) => (carer.cares_for && typeof carer.cares_for === 'object' ? carer.cares_for.id : carer.cares_for);
  const carerId = (carer) => carer.person_id ?? carer.id;
  const list = carers.data && Array.isArray(carers.data.carers) ? carers.data.carers.filter((carer) => String(caredForId(carer)) === String(person.id)) : [];
  return (
    <section aria-labelledby="carers-heading">
      <h2 id="carers-heading">Carers</h2>
      {carers.error && <ErrorMessage error={carers.error} title="Carers could not be loaded" />}
      {list.length === 0 ? (
        <p class="muted">No carer is linked.</p>
      ) : (
        <ul data-testid="carers">
          {list.map((carer) => (
            <li key={carerId(carer)}>
              <a href={personPath(carerId(carer))}>{fullName(carer)}</a>
              {can(user, 'people.write') && (
                <>
                  {' – '}
                  <a href={`${personPath(carerId(carer))}/carer`}>carer’s assessments</a>
                </>
              )}
              {carer.budget_annual_pence !== null && carer.budget_annual_pence !== undefined ? ` (carer’s budget ${formatPence(carer.budget_annual_pence)} a year)` : carer.referred ? ' (referred for a full assessment)' : ''}
            </li>
          ))}
        </ul>
      )}
      {can(user, 'people.write') && (
        <p class="no-print">
          <a class="button button--secondary" href={`/people/new?cares_for=${enc(person.id)}`}>
            Add a carer
          </a>
        </p>
      )}
    </section>
  );
}
