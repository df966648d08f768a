// A printable page of a person's budget and support plan: the indicative budget
// and how it was worked out, the agreed budget and its splits, and the plan's
// outcomes, lines and totals. The print stylesheet drops the page furniture.
import { api, enc } from '../../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../../shared/components.jsx';
import { useLoad, useRulebooks } from '../../shared/data.js';
import { formatDate, formatPence, words } from '../../shared/format.js';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { Splits } from '../person/PersonPage.jsx';
import { deliveryLabel } from '../plan/PlanSummary.jsx';
import { UNITS } from '../plan/totals.js';
import { codeLabel, fullName, getPerson, personPath, stageLabel } from '../records.jsx';

const DECIDERS = { team_manager: 'a team manager', resource_allocation_group: 'the Resource Allocation Group', equipment: 'the equipment route' };
const unitWords = (unit) => (UNITS.find(([code]) => code === unit) || [unit, unit])[1];

export function PrintPage({ id }) {
  return (
    <RequireAllowed action="people.read" title="Budget and support plan">
      <Printable id={id} />
    </RequireAllowed>
  );
}

const UNIT = { hour: 'hours', day: 'days', night: 'nights', week: 'weeks' };

function unitsText(line) {
  const units = String(line.units_per_week);
  if (line.unit === 'week') return units === '1' ? 'every week' : `${units} a week`;
  return `${units} ${units === '1' ? line.unit : UNIT[line.unit] || line.unit} a week`;
}

function Printable({ id }) {
  const loaded = useLoad(async () => {
    const [person, plans] = await Promise.all([getPerson(id), api.get(`/people/${enc(id)}/plans`)]);
    return { person, plans: Array.isArray(plans.plans) ? plans.plans : [] };
  }, id);
  const rulebooks = useRulebooks();
  const rulebookTitle = (rulebookId) => ((rulebooks.data || []).find((rulebook) => rulebook.id === rulebookId) || {}).title || rulebookId;
  if (loaded.loading) return <Loading what="Loading" />;
  if (loaded.error) return <ErrorMessage error={loaded.error} title="The record could not be loaded" />;
  const { person, plans } = loaded.data;
  const indicative = person.indicative_budget;
  const agreed = person.agreed_budget;
  const plan = agreed && plans.find((candidate) => candidate.version === agreed.plan_version) ? plans.find((candidate) => candidate.version === agreed.plan_version) : plans[plans.length - 1];
  const totals = plan ? plan.totals || {} : {};
  return (
    <article class="printable" data-testid="printable">
      <p class="no-print breadcrumbs">
        <a href={personPath(person.id)}>Back to {fullName(person)}’s record</a>{' '}
        <button type="button" class="button button--small" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <PageTitle title={`Budget and support plan: ${fullName(person)}`}>Personal budget and support plan</PageTitle>
      <dl class="facts facts--grid">
        <dt>Name</dt>
        <dd>{fullName(person)}</dd>
        <dt>Date of birth</dt>
        <dd>{formatDate(person.date_of_birth)}</dd>
        {person.nhs_number && (
          <>
            <dt>NHS number</dt>
            <dd>{String(person.nhs_number).replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3')}</dd>
          </>
        )}
        <dt>Client group</dt>
        <dd>{codeLabel('client_group', person.client_group)}</dd>
        <dt>Stage</dt>
        <dd>{stageLabel(person.stage)}</dd>
        <dt>Printed</dt>
        <dd>{formatDate(new Date().toISOString())}</dd>
      </dl>

      <section aria-labelledby="print-indicative">
        <h2 id="print-indicative">Indicative budget</h2>
        {indicative ? (
          <>
            <p>
              <strong data-testid="print-indicative">{formatPence(indicative.annual_pence)}</strong> a year ({formatPence(indicative.weekly_pence)} a week); range {formatPence(indicative.lower_annual_pence)} to{' '}
              {formatPence(indicative.upper_annual_pence)}. Worked out with {rulebookTitle(indicative.rulebook_id)} version {indicative.rulebook_version} on {formatDate(indicative.assessed_at)}. It is a starting point for
              planning, not a cap.
            </p>
            <h3>How it was worked out</h3>
            <ol class="derivation" data-testid="derivation">
              {(indicative.derivation || []).map((line, line_idx) => (
                <li key={line_idx}>{line}</li>
              ))}
            </ol>
          </>
        ) : (
          <p>No assessment has been completed.</p>
        )}
      </section>

      <section aria-labelledby="print-agreed">
        <h2 id="print-agreed">Agreed personal budget</h2>
        {agreed ? (
          <>
            <p>
              <strong data-testid="print-agreed">{formatPence(agreed.annual_pence)}</strong> a year ({formatPence(agreed.weekly_pence)} a week)
              {agreed.one_off_pence ? ` and ${formatPence(agreed.one_off_pence)} one-off` : ''}, from {formatDate(agreed.start)}; agreed by {DECIDERS[agreed.decided_by] || words(agreed.decided_by)}; first review due{' '}
              {formatDate(agreed.review_due)}. {agreed.difference_pence ? `${formatPence(Math.abs(agreed.difference_pence))} ${agreed.difference_pence > 0 ? 'above' : 'below'} the indicative budget because: ${agreed.reason}` : ''}
            </p>
            <Splits person={person} />
          </>
        ) : (
          <p>No budget has been agreed yet.</p>
        )}
      </section>

      <section aria-labelledby="print-plan">
        <h2 id="print-plan">Support plan{plan ? ` (version ${plan.version}, ${formatDate(plan.created_at)})` : ''}</h2>
        {plan ? (
          <>
            <h3>Outcomes</h3>
            <ul>
              {(plan.outcomes || []).map((outcome, outcome_idx) => (
                <li key={outcome_idx}>{outcome}</li>
              ))}
            </ul>
            <TableWrap label="Plan lines">
              <table class="data" data-testid="print-lines">
                <caption>Support and its cost</caption>
                <thead>
                  <tr>
                    <th scope="col">Support</th>
                    <th scope="col">Provider</th>
                    <th scope="col">Delivery</th>
                    <th scope="col" class="num">Unit cost</th>
                    <th scope="col" class="num">Amount</th>
                    <th scope="col" class="num">NHS share</th>
                  </tr>
                </thead>
                <tbody>
                  {(plan.lines || []).map((line, line_idx) => (
                    <tr key={line_idx}>
                      <td>
                        {line.description} <span class="small">({codeLabel('service_component', line.service_component)})</span>
                      </td>
                      <td>{line.provider || ''}</td>
                      <td>{deliveryLabel(line.delivery)}</td>
                      <td class="num">{line.unit === 'one_off' ? '' : `${formatPence(line.unit_cost_pence)} ${unitWords(line.unit)}`}</td>
                      <td class="num">{line.unit === 'one_off' ? `${formatPence(line.one_off_pence)} one-off` : unitsText(line)}</td>
                      <td class="num">{line.nhs_percent ? `${line.nhs_percent}%` : ''}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr class="total">
                    <td colSpan={4}>Total</td>
                    <td class="num" data-testid="print-plan-annual">
                      {formatPence(totals.weekly_pence)} a week; {formatPence(totals.annual_pence)} a year
                    </td>
                    <td class="num">{formatPence(totals.annual_nhs_pence)} NHS</td>
                  </tr>
                </tfoot>
              </table>
            </TableWrap>
            {plan.difference_from_indicative_pence !== undefined && plan.difference_from_indicative_pence !== null && (
              <p>Difference from the indicative budget: {formatPence(plan.difference_from_indicative_pence)} a year.</p>
            )}
          </>
        ) : (
          <p>No support plan has been saved.</p>
        )}
      </section>
    </article>
  );
}
