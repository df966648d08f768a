// A provider's packages: who each is for (by name where the package carries
// one, else the reference it came with), where, which service, the visits and
// hours a week, the carers and the start; each opens its visits (day, time
// window, length, one or two carers, tasks). A provider's own users reach it
// from their home page and see only their provider (the server refuses any
// other); commissioners reach any provider's from its page. Exports as CSV/XLSX.
// A personal budget model package opens its outcomes, budget and costed plans
// (CostedPlanPanel.jsx): the provider proposes, the commissioner answers.
import { useState } from 'preact/hooks';
import { api, enc } from '../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { ExportButtons } from '../shared/ExportButtons.jsx';
import { formatDate, formatNumber } from '../shared/format.js';
import { can } from '../shared/permissions.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { useSession } from '../shared/session.js';
import { CostedPlanPanel } from './CostedPlanPanel.jsx';
import { personText, SERVICES } from './standing.js';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function PackagesPage({ id }) {
  return (
    <RequireAllowed action="allocation.read" title="Packages">
      <ProviderPackages id={id} />
    </RequireAllowed>
  );
}

// The signed-in provider user's own provider's packages: the server lists only
// the providers the caller may see, so a provider's user gets their own.
export function OurPackagesPage() {
  return (
    <RequireAllowed action="allocation.read" title="Our packages">
      <OurPackages />
    </RequireAllowed>
  );
}

function OurPackages() {
  const mine = useLoad(() => api.get('/care-packages'), 'our-packages');
  if (mine.loading) return <Loading what="Finding your provider" />;
  if (mine.error) return <ErrorMessage error={mine.error} title="Your packages could not be loaded" />;
  const providers = mine.data.providers;
  if (providers.length !== 1) {
    return (
      <>
        <PageTitle>Packages</PageTitle>
        <p>Choose a provider:</p>
        <ul data-testid="package-providers">
          {providers.map((p) => (
            <li key={p.id}>
              <a href={`/providers/${enc(p.id)}/packages`}>{p.name}</a>
            </li>
          ))}
        </ul>
      </>
    );
  }
  return <ProviderPackages id={providers[0].id} />;
}

export const personOf = (p) => p.person_name || p.person_reference;

const clock = (minute) => {
  const m = ((minute % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

export function windowText(visit) {
  const tolerance = visit.tolerance_minutes || 0;
  return tolerance === 0 ? clock(visit.start_minute) : `${clock(visit.start_minute - tolerance)} to ${clock(visit.start_minute + tolerance)}`;
}

// Where a personal budget model package's costed plan stands, in words.
function costedPlanText(plan) {
  if (!plan) return 'No costed plan yet';
  if (plan.status === 'proposed') return `Version ${plan.version} waiting for the council${plan.in_force ? ' (an earlier version is in force)' : ''}`;
  if (plan.status === 'agreed') return `Version ${plan.version} agreed`;
  return `Version ${plan.version} sent back${plan.in_force ? ' (an earlier version is in force)' : ''}`;
}

const hoursOf = (p) => Math.round((p.carer_minutes_per_week / 60) * 10) / 10;

function carerNames(p, names) {
  const ids = [...new Set((p.visit_carers || []).flat())];
  return ids.map((carer) => names.get(carer) || `carer ${carer}`);
}

export function packagesTable(provider, packages, names) {
  return {
    name: 'provider-packages',
    title: `${provider}: packages`,
    sheet: 'Packages',
    notes: [`Provider: ${provider}`],
    columns: [
      { title: 'Package', kind: 'number', value: (p) => p.id },
      { title: 'Person', kind: 'text', value: personOf },
      { title: 'Reference', kind: 'text', value: (p) => p.person_reference },
      { title: 'Locality', kind: 'text', value: (p) => p.locality },
      { title: 'Service', kind: 'code', value: (p) => SERVICES[p.service] || p.service },
      { title: 'Visits a week', kind: 'number', value: (p) => p.visits.length },
      { title: 'Carer hours a week', kind: 'number', value: hoursOf },
      { title: 'Carers', kind: 'text', value: (p) => carerNames(p, names).join('; ') },
      { title: 'Starts', kind: 'date', value: (p) => p.starts_on },
    ],
    rows: packages,
  };
}

function ProviderPackages({ id }) {
  const loaded = useLoad(() => api.get(`/providers/${enc(id)}/packages`), `provider-packages:${id}`);
  const workforce = useLoad(() => api.get(`/providers/${enc(id)}/workforce`), `provider-workforce:${id}`);
  const [open, setOpen] = useState(null);
  const [plans, setPlans] = useState(null);
  const session = useSession();
  if (loaded.loading) return <Loading what="Loading the packages" />;
  if (loaded.error) return <ErrorMessage error={loaded.error} title="The packages could not be loaded" />;
  const provider = (loaded.data.providers.find((p) => p.id === Number(id)) || { name: `Provider ${id}` }).name;
  const packages = loaded.data.packages;
  const names = new Map((workforce.data ? workforce.data.carers : []).map((c) => [c.id, c.name]));
  const hours = packages.reduce((sum, p) => sum + p.carer_minutes_per_week, 0) / 60;
  const visits = packages.reduce((sum, p) => sum + p.visits.length, 0);
  return (
    <>
      <PageTitle>{provider}: packages</PageTitle>
      <p class="lead" data-testid="packages-summary">
        {formatNumber(packages.length)} packages, {formatNumber(visits)} visits and {formatNumber(Math.round(hours * 10) / 10)} carer hours a week.
      </p>
      <ExportButtons table={packagesTable(provider, packages, names)} what="these packages" />
      <TableWrap label={`${provider}: packages`}>
        <table class="data" data-testid="provider-packages">
          <caption>Packages, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Locality</th>
              <th scope="col">Service</th>
              <th scope="col">Visits a week</th>
              <th scope="col">Carer hours a week</th>
              <th scope="col">Carers</th>
              <th scope="col">Starts</th>
              <th scope="col"><span class="visually-hidden">Visits</span></th>
            </tr>
          </thead>
          <tbody>
            {packages.map((p) => [
              <tr key={p.id} data-package={p.id}>
                <td>
                  {personText(p)}
                </td>
                <td>{p.locality || p.area}</td>
                <td>{SERVICES[p.service] || p.service}</td>
                <td class="num">{p.visits.length}</td>
                <td class="num">{formatNumber(hoursOf(p))}</td>
                <td>{carerNames(p, names).join(', ') || 'Not planned yet'}</td>
                <td>{formatDate(p.starts_on)}</td>
                <td>
                  <button
                    type="button"
                    class="button button--secondary"
                    aria-expanded={open === p.id ? 'true' : 'false'}
                    aria-controls={`visits-${p.id}`}
                    aria-label={`${open === p.id ? 'Hide visits' : 'Visits'} for ${personText(p)}`}
                    onClick={() => setOpen(open === p.id ? null : p.id)}
                  >
                    {open === p.id ? 'Hide visits' : 'Visits'}
                  </button>
                  {p.model === 'personal_budget' && (
                    <button
                      type="button"
                      class="button button--secondary"
                      data-testid="costed-plan-toggle"
                      aria-expanded={plans === p.id ? 'true' : 'false'}
                      aria-controls={`plans-${p.id}`}
                      aria-label={`${plans === p.id ? 'Hide costed plan' : 'Costed plan'} for ${personText(p)}`}
                      onClick={() => setPlans(plans === p.id ? null : p.id)}
                    >
                      {plans === p.id ? 'Hide costed plan' : 'Costed plan'}
                    </button>
                  )}
                  {p.model === 'personal_budget' && (
                    <span class="hint" data-testid="costed-plan-status">
                      {' '}
                      {costedPlanText(p.costed_plan)}
                    </span>
                  )}
                </td>
              </tr>,
              open === p.id && (
                <tr key={`${p.id}-visits`} id={`visits-${p.id}`}>
                  <td colSpan={8}>
                    <Visits pkg={p} names={names} />
                  </td>
                </tr>
              ),
              plans === p.id && (
                <tr key={`${p.id}-plans`} id={`plans-${p.id}`}>
                  <td colSpan={8}>
                    <CostedPlanPanel pkg={p} propose={can(session, 'allocation.propose')} agree={can(session, 'allocation.agree')} />
                  </td>
                </tr>
              ),
            ])}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

function Visits({ pkg, names }) {
  return (
    <table class="data" data-testid="package-visits">
      <caption>Visits for {personOf(pkg)}</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Time window</th>
          <th scope="col">Length</th>
          <th scope="col">Carers</th>
          <th scope="col">Tasks</th>
        </tr>
      </thead>
      <tbody>
        {pkg.visits.map((visit, index) => {
          const who = ((pkg.visit_carers || [])[index] || []).map((carer) => names.get(carer) || `carer ${carer}`);
          return (
            <tr key={index}>
              <td>{DAYS[visit.day_of_week] || visit.day_of_week}</td>
              <td>{windowText(visit)}</td>
              <td>{visit.duration_minutes} minutes</td>
              <td>
                {visit.carers === 2 ? 'Two carers' : 'One carer'}
                {who.length > 0 && `: ${who.join(' and ')}`}
              </td>
              <td>{visit.tasks.join(', ') || 'None listed'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
