// A person's timeline as a history a person could follow: newest first, each
// entry a sentence in the journey's words (codes by their labels, money as
// pounds, dates the UK way, times in local time), who did it and for which
// agency (by name), and why. Every event the API keeps is shown; nothing is
// dropped, and long text wraps.
import { api, enc } from '../../shared/api.js';
import { useDirectory } from '../../shared/directory.js';
import { ErrorMessage, Loading } from '../../shared/components.jsx';
import { useLoad, useRulebooks } from '../../shared/data.js';
import { formatDate, formatPence } from '../../shared/format.js';
import { FIELD_LABELS } from '../../shared/messages.js';
import { codeLabel } from '../records.jsx';

const DECISIONS = {
  approve: 'approved',
  approve_changed_amount: 'approved with a changed amount',
  return: 'returned for more work',
  decline: 'declined',
};
const SCREENING = {
  information_and_advice: 'information and advice',
  signposting: 'signposting to other support',
  enablement: 'enablement (short-term support first)',
  assessment: 'a needs assessment',
};
const ENABLEMENT = { independent: 'independent, no ongoing support', reduced_need: 'reduced need, to be assessed', ongoing_support: 'ongoing support needed, to be assessed' };
const REVIEWS = { no_change: 'no change', new_plan: 'a new support plan is needed', end: 'the support ends' };
const REQUESTED_BY = { self: 'the person', family: 'family or a friend', gp: 'their GP', hospital: 'the hospital', other: 'someone else' };
const ROUTES = { team_manager: 'a team manager', resource_allocation_group: 'the Resource Allocation Group' };
const CODE_LISTS = { client_group: 'client_group', primary_support_reason: 'primary_support_reason', accommodation_status: 'accommodation_status', employment_status: 'employment_status' };

const words = (map, code) => map[code] || String(code ?? '').replace(/_/g, ' ');
const money = (pence) => formatPence(pence);

function detailValue(key, value) {
  if (value === null || value === undefined || value === '') return 'not recorded';
  if (CODE_LISTS[key]) return codeLabel(CODE_LISTS[key], value);
  if (key === 'date_of_birth') return formatDate(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

// The changed details, "Postcode: DE1 2AB → DE22 3AB".
function changes(before = {}, after = {}) {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
    .map((key) => `${FIELD_LABELS[key] || key.replace(/_/g, ' ')}: ${detailValue(key, before[key])} → ${detailValue(key, after[key])}`);
}

// An event as {title, details: [lines]}.
export function describeEvent(event, rulebookTitle = (id) => id) {
  const p = event.payload && typeof event.payload === 'object' ? event.payload : {};
  switch (event.kind) {
    case 'person_created':
      return { title: 'Record created', details: [`${p.given_name || ''} ${p.family_name || ''}, born ${formatDate(p.date_of_birth)}; ${codeLabel('client_group', p.client_group)}; ${p.locality || ''}${p.team ? `, ${p.team}` : ''}`.trim()] };
    case 'details_changed': {
      const list = changes(p.before, p.after);
      return { title: 'Details changed', details: list.length ? list : ['No detail differs'] };
    }
    case 'contact':
      return { title: `Contact on ${formatDate(p.date)}`, details: [`${codeLabel('route_of_access', p.route_of_access)}; asked for by ${words(REQUESTED_BY, p.requested_by)}${p.joint_screening ? '; screened jointly with the NHS' : ''}`] };
    case 'screen':
      return {
        title: `Screened: ${words(SCREENING, p.outcome)}`,
        details: [p.enablement ? `Enablement from ${formatDate(p.enablement.start)}, planned to end ${formatDate(p.enablement.planned_end)}` : '', p.joint ? 'Screened jointly with the NHS' : ''].filter(Boolean),
      };
    case 'end_enablement':
      return { title: `Enablement ended on ${formatDate(p.ended)}`, details: [`Outcome: ${words(ENABLEMENT, p.outcome)}`] };
    case 'assessment_completed':
      return {
        title: `Needs assessed: ${p.eligible ? 'eligible for care and support' : 'not eligible'}`,
        details: [
          `Indicative budget ${money(p.annual_pence)} a year (${rulebookTitle(p.rulebook_id)}, version ${p.rulebook_version})`,
          p.joint ? 'Assessed jointly with the NHS' : '',
          Array.isArray(p.professions) && p.professions.length ? `Professions present: ${p.professions.map((code) => String(code).replace(/_/g, ' ')).join(', ')}` : '',
        ].filter(Boolean),
      };
    case 'equipment_budget_agreed': {
      const agreed = p.agreed_budget || {};
      return { title: `Equipment budget agreed: ${p.description || 'equipment'}`, details: [`${money(agreed.one_off_pence ?? agreed.annual_pence)} one-off from ${formatDate(agreed.start)}`] };
    }
    case 'plan_saved':
      return { title: `Support plan version ${p.version} saved`, details: [`${money(p.annual_pence)} a year`] };
    case 'plan_submitted':
      return { title: `Plan version ${p.plan_version} submitted for sign-off by ${words(ROUTES, p.route)}`, details: Array.isArray(p.reasons) ? p.reasons : [] };
    case 'sign_off_decision':
      return {
        title: `Team manager’s decision on plan version ${p.plan_version}: ${words(DECISIONS, p.outcome)}`,
        details: p.agreed_annual_pence !== null && p.agreed_annual_pence !== undefined ? [`Agreed ${money(p.agreed_annual_pence)} a year`] : [],
      };
    case 'panel_decision':
      return {
        title: `Resource Allocation Group’s decision on plan version ${p.plan_version}: ${words(DECISIONS, p.outcome)}`,
        details: [p.agreed_annual_pence !== null && p.agreed_annual_pence !== undefined ? `Agreed ${money(p.agreed_annual_pence)} a year` : '', p.meeting_id ? `At meeting ${p.meeting_id}` : ''].filter(Boolean),
      };
    case 'protection_recorded':
      return { title: `Transitional protection of ${money(p.annual_pence)} a year`, details: [`The previous package was ${money(p.previous_package_annual_pence)} a year; review due ${formatDate(p.review_due)}`] };
    case 'review':
      return { title: `Review on ${formatDate(p.date)}: ${words(REVIEWS, p.outcome)}`, details: p.joint ? ['Reviewed jointly with the NHS'] : [] };
    case 'close':
      return { title: 'Case closed', details: [] };
    case 'carer_first_stage':
      return {
        title: `Carer’s first-stage assessment: impact score ${p.impact_score}`,
        details: [p.refer_for_full_assessment ? 'Referred for a full carer’s assessment' : 'Universal support given', ...(Array.isArray(p.universal_support) ? p.universal_support : [])].filter(Boolean),
      };
    case 'carer_full_assessment':
      return { title: `Full carer’s assessment: carer’s budget ${money(p.agreed_annual_pence ?? p.annual_pence)} a year`, details: [`${rulebookTitle(p.rulebook_id)}, version ${p.rulebook_version}`] };
    default:
      return { title: String(event.kind || 'Event').replace(/_/g, ' ').replace(/^./, (first) => first.toUpperCase()), details: [] };
  }
}

export function Timeline({ id, tick }) {
  const timeline = useLoad(() => api.get(`/people/${enc(id)}/timeline`), `${id}-${tick}`);
  const rulebooks = useRulebooks();
  const { agencyName, userName } = useDirectory();
  const titles = new Map((rulebooks.data || []).map((rulebook) => [rulebook.id, rulebook.title]));
  const rulebookTitle = (rulebookId) => titles.get(rulebookId) || rulebookId;
  const events = timeline.data && Array.isArray(timeline.data.events) ? [...timeline.data.events].reverse() : [];
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      {timeline.loading && <Loading what="Loading the timeline" />}
      <ErrorMessage error={timeline.error} title="The timeline could not be loaded" />
      {timeline.data && (
        <ol class="timeline-list" data-testid="timeline" aria-label="Everything recorded, newest first">
          {events.map((event) => {
            const { title, details } = describeEvent(event, rulebookTitle);
            return (
              <li key={event.id} data-kind={event.kind}>
                <p class="timeline-list__when">
                  <time dateTime={event.at}>{formatDate(event.at)}</time> · {userName(event.actor)}
                  {event.agency ? `, ${agencyName(event.agency)}` : ''}
                </p>
                <p class="timeline-list__what">
                  {title}
                  {event.outcome ? <span class="small muted"> ({codeLabel('event_outcome', event.outcome)})</span> : null}
                </p>
                {details.length > 0 && (
                  <ul class="small">
                    {details.map((line, line_idx) => (
                      <li key={line_idx}>{line}</li>
                    ))}
                  </ul>
                )}
                {event.reason && <p class="timeline-list__why">Why: {event.reason}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
