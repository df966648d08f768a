// A saved support plan version as a decider reads it: the person, the outcomes
// in their words, every line with its cost, delivery option and funding, the
// totals, the indicative budget with its range, and the difference. The team
// manager's sign-off, the Resource Allocation Group's agenda and the plan page
// after submission all show this one view. Line costs follow the server's rule
// (totals.js); the totals shown are the saved version's own.
import { Fragment } from 'preact';
import { TableWrap } from '../../shared/components.jsx';
import { useDirectory } from '../../shared/directory.js';
import { formatDate, formatPence } from '../../shared/format.js';
import { codeLabel, fullName, personPath } from '../records.jsx';
import { RangeBar } from './RangeBar.jsx';
import { DELIVERY, UNITS, weeklyPence } from './totals.js';

const unitWords = (unit) => (UNITS.find(([code]) => code === unit) || [unit, String(unit || '').replace(/_/g, ' ')])[1];
export const deliveryLabel = (code) => (DELIVERY.find(([value]) => value === code) || [code, String(code || '').replace(/_/g, ' ')])[1];
const roundHalfAway = (x) => (x < 0 ? -Math.round(-x) : Math.round(x));

// One saved line's cost a week and a year, and the NHS part of the year.
export function lineCost(line) {
  const oneOff = line.unit === 'one_off';
  const weekly = oneOff ? 0 : weeklyPence(line.units_per_week, Number(line.unit_cost_pence) || 0);
  const annual = oneOff ? Number(line.one_off_pence) || 0 : weekly * 52;
  const nhs = roundHalfAway((annual * (Number(line.nhs_percent) || 0)) / 100);
  return { weekly, annual, nhs, council: annual - nhs };
}

export function fundingWords(line) {
  const nhs = Number(line.nhs_percent) || 0;
  if (nhs === 0) return 'Council';
  if (nhs === 100) return 'NHS';
  return `Council ${100 - nhs}%, NHS ${nhs}%`;
}

// "£337.50 above", "£10.00 below", "the same".
export function differenceWords(pence) {
  if (pence === null || pence === undefined) return '';
  if (pence === 0) return 'the same as the indicative budget';
  return `${formatPence(Math.abs(pence))} ${pence > 0 ? 'above' : 'below'} the indicative budget`;
}

export function PersonFacts({ person }) {
  return (
    <dl class="facts facts--grid plan-summary__person" data-testid="decision-person">
      <dt>Person</dt>
      <dd>
        <a href={personPath(person.id)}>{fullName(person)}</a>
      </dd>
      <dt>Date of birth</dt>
      <dd>{formatDate(person.date_of_birth)}</dd>
      <dt>Client group</dt>
      <dd>{codeLabel('client_group', person.client_group)}</dd>
      <dt>Primary support reason</dt>
      <dd>{codeLabel('primary_support_reason', person.primary_support_reason)}</dd>
      <dt>Locality and team</dt>
      <dd>{[person.locality, person.team].filter(Boolean).join(', ')}</dd>
    </dl>
  );
}

// `person` is the record (for the indicative budget and the sign-off), `plan` the saved version.
export function PlanSummary({ person, plan, headingLevel = 3, idPrefix = 'plan' }) {
  const { userName } = useDirectory();
  const Heading = `h${headingLevel}`;
  const indicative = person.indicative_budget;
  const totals = plan.totals || {};
  const difference = indicative ? totals.annual_pence - indicative.annual_pence : null;
  const lines = Array.isArray(plan.lines) ? plan.lines : [];
  const byDelivery = Object.entries(totals.by_delivery || {}).filter(([, value]) => value);
  return (
    <div class="plan-summary" data-testid="plan-summary" data-version={plan.version}>
      <PersonFacts person={person} />
      <Heading id={`${idPrefix}-outcomes`}>Outcomes, in the person’s words</Heading>
      {plan.outcomes && plan.outcomes.length ? (
        <ol class="plan-summary__outcomes" data-testid="plan-outcomes">
          {plan.outcomes.map((outcome, outcome_idx) => (
            <li key={outcome_idx}>{outcome}</li>
          ))}
        </ol>
      ) : (
        <p class="muted">No outcomes recorded.</p>
      )}
      <Heading id={`${idPrefix}-lines`}>
        Support and its cost (version {plan.version}
        {plan.created_at ? `, saved ${formatDate(plan.created_at)}${plan.created_by ? ` by ${userName(plan.created_by)}` : ''}` : ''})
      </Heading>
      <TableWrap label={`Lines of plan version ${plan.version}`}>
        <table class="data plan-summary__lines" data-testid="plan-lines">
          <thead>
            <tr>
              <th scope="col">Support</th>
              <th scope="col">Service</th>
              <th scope="col" class="num">Cost</th>
              <th scope="col" class="num">A week</th>
              <th scope="col" class="num">A year</th>
              <th scope="col">Delivery option</th>
              <th scope="col">Funding</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, line_idx) => {
              const cost = lineCost(line);
              const oneOff = line.unit === 'one_off';
              return (
                <tr key={line_idx} data-testid="plan-line-row">
                  <td>
                    {line.description}
                    {line.provider ? <span class="small muted"> ({line.provider})</span> : null}
                  </td>
                  <td>{codeLabel('service_component', line.service_component)}</td>
                  <td class="num">{oneOff ? `${formatPence(line.one_off_pence)} one-off` : `${formatPence(line.unit_cost_pence)} ${unitWords(line.unit)} × ${line.units_per_week}`}</td>
                  <td class="num">{oneOff ? '' : formatPence(cost.weekly)}</td>
                  <td class="num">{formatPence(cost.annual)}</td>
                  <td>{deliveryLabel(line.delivery)}</td>
                  <td>{fundingWords(line)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      <div class="plan-summary__money">
        <dl class="facts facts--grid" data-testid="plan-summary-totals">
          <dt>Plan a week</dt>
          <dd>{formatPence(totals.weekly_pence)}</dd>
          <dt>Plan a year</dt>
          <dd data-testid="summary-annual">{formatPence(totals.annual_pence)}</dd>
          {totals.one_off_pence ? (
            <>
              <dt>Of which one-off</dt>
              <dd>{formatPence(totals.one_off_pence)}</dd>
            </>
          ) : null}
          <dt>Council a year</dt>
          <dd>{formatPence(totals.annual_council_pence)}</dd>
          <dt>NHS a year</dt>
          <dd>{formatPence(totals.annual_nhs_pence)}</dd>
          {byDelivery.map(([code, value]) => (
            <Fragment key={code}>
              <dt>{deliveryLabel(code)}</dt>
              <dd>{formatPence(value)}</dd>
            </Fragment>
          ))}
          <dt>Indicative budget</dt>
          <dd data-testid="summary-indicative">{indicative ? `${formatPence(indicative.annual_pence)} a year` : 'not assessed'}</dd>
          {indicative && (
            <>
              <dt>Indicative range</dt>
              <dd data-testid="summary-range">
                {formatPence(indicative.lower_annual_pence)} to {formatPence(indicative.upper_annual_pence)}
              </dd>
            </>
          )}
          {difference !== null && (
            <>
              <dt>Difference</dt>
              <dd data-testid="summary-difference">{differenceWords(difference)}</dd>
            </>
          )}
        </dl>
        {indicative && <RangeBar total={totals.annual_pence} lower={indicative.lower_annual_pence} upper={indicative.upper_annual_pence} indicative={indicative.annual_pence} />}
      </div>
      {person.sign_off && person.sign_off.plan_version === plan.version && (person.sign_off.reasons || []).length > 0 && (
        <>
          <Heading>Why it goes to {person.sign_off.route === 'team_manager' ? 'a team manager' : 'the Resource Allocation Group'}</Heading>
          <ul data-testid="sign-off-reasons">
            {person.sign_off.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

// The saved version a sign-off is about (or the latest), from the plans list.
export const planVersionOf = (plans, version) => (Array.isArray(plans) ? plans.find((plan) => plan.version === version) || plans[plans.length - 1] || null : null);
