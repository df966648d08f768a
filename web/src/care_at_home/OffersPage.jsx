// Offers of care at home packages (seed 002, 3.9). A commissioner sees the
// packages waiting for a provider, opens one to see every provider ranked by the
// travel it would add to their carers' week, with why, and offers it; those
// nobody can take say why. A provider's own users see the offers made to them
// and accept, or decline with a reason.
import { useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { formatDate, formatNumber, formatPence } from '../shared/format.js';
import { can } from '../shared/permissions.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { useSession } from '../shared/session.js';
import { FromPlanForm } from './FromPlanForm.jsx';
import { personText, SERVICES } from './standing.js';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const STATUS = { open: 'Waiting for an offer', offered: 'Offered: waiting for the answer', placed: 'Placed' };

export function OffersPage() {
  return (
    <RequireAllowed action="allocation.read" title="Offers of care at home">
      <Offers />
    </RequireAllowed>
  );
}

function hoursText(minutes) {
  return `${formatNumber(Math.round((minutes / 60) * 10) / 10)} hours a week`;
}

function visitsText(visits) {
  const days = [...new Set(visits.map((v) => v.day_of_week))].sort().map((d) => DAYS[d]);
  return `${visits.length} visits a week (${days.join(', ')})`;
}

function Offers() {
  const session = useSession();
  const [tick, setTick] = useState(0);
  return (
    <>
      <PageTitle>Offers of care at home</PageTitle>
      {can(session, 'allocation.offer') && <OpenPackages tick={tick} onOffered={() => setTick((n) => n + 1)} />}
      {can(session, 'allocation.offer') && <FromPlanForm onAdded={() => setTick((n) => n + 1)} />}
      {can(session, 'allocation.answer') && <OffersToUs tick={tick} onAnswered={() => setTick((n) => n + 1)} />}
    </>
  );
}

function OpenPackages({ tick, onOffered }) {
  const list = useLoad(() => api.get('/open-packages'), `open:${tick}`);
  const [chosen, setChosen] = useState(null);
  if (list.loading) return <Loading what="Loading the packages waiting for a provider" />;
  if (list.error) return <ErrorMessage error={list.error} title="The packages could not be loaded" />;
  const packages = list.data.open_packages;
  return (
    <section aria-labelledby="open-heading">
      <h2 id="open-heading">Packages waiting for a provider</h2>
      <TableWrap label="Packages waiting for a provider">
        <table class="data" data-testid="open-packages">
          <caption>{packages.filter((p) => p.status === 'open').length} waiting for an offer</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Service</th>
              <th scope="col">Where</th>
              <th scope="col">Care</th>
              <th scope="col">Starts</th>
              <th scope="col">Status</th>
              <th scope="col"><span class="visually-hidden">Choose</span></th>
            </tr>
          </thead>
          <tbody>
            {packages.map((p) => (
              <tr key={p.id} data-person={p.person_reference}>
                <td>{personText(p)}</td>
                <td>{SERVICES[p.service] || p.service}</td>
                <td>{p.locality ? `${p.locality} (${p.area})` : p.area}</td>
                <td>{hoursText(p.carer_minutes_per_week)}; {visitsText(p.visits)}</td>
                <td>{formatDate(p.starts_on)}</td>
                <td>{STATUS[p.status] || p.status}</td>
                <td>
                  {p.status === 'open' && (
                    <button type="button" onClick={() => setChosen(p.id)} aria-label={`Rank providers for ${personText(p)}`}>
                      Rank providers
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {chosen && <RankingView id={chosen} key={chosen} onOffered={() => { setChosen(null); onOffered(); }} />}
    </section>
  );
}

function RankingView({ id, onOffered }) {
  const ranking = useLoad(() => api.get(`/open-packages/${encodeURIComponent(id)}/ranking`), `ranking:${id}`);
  const [error, setError] = useState(null);
  const [made, setMade] = useState(null);
  if (ranking.loading) return <Loading what="Ranking the providers" />;
  if (ranking.error) return <ErrorMessage error={ranking.error} title="The providers could not be ranked" />;
  const { package: pkg, offered, not_offered: notOffered, unplaced } = ranking.data;
  const offer = async (choice) => {
    setError(null);
    try {
      await api.post(`/open-packages/${encodeURIComponent(id)}/offers`, { provider_id: choice.provider_id });
      setMade(choice.provider_name);
      onOffered();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-labelledby="ranking-heading" data-testid="ranking">
      <h3 id="ranking-heading" tabIndex={-1}>Providers for {personText(pkg)}</h3>
      <p>
        {SERVICES[pkg.service] || pkg.service} in {pkg.locality || pkg.area}: {hoursText(pkg.carer_minutes_per_week)}. Ranked by the person's choice,
        then their current carers, then the least travel the package adds to each provider's carers' week, then the most capacity left.
      </p>
      {unplaced && (
        <p class="notice" role="status" data-testid="unplaced">
          Nobody can take this package: {unplaced}
        </p>
      )}
      {offered.length > 0 && (
        <TableWrap label="Providers that can take it">
          <table class="data" data-testid="offered">
            <caption>Providers that can take it, best first</caption>
            <thead>
              <tr>
                <th scope="col">Rank</th>
                <th scope="col">Provider</th>
                <th scope="col">Extra travel a week</th>
                <th scope="col">Its cost a week</th>
                <th scope="col">Capacity left</th>
                <th scope="col">Why</th>
                <th scope="col"><span class="visually-hidden">Offer</span></th>
              </tr>
            </thead>
            <tbody>
              {offered.map((choice) => (
                <tr key={choice.provider_id}>
                  <td>{choice.rank}</td>
                  <td>{choice.provider_name}</td>
                  <td>{formatNumber(choice.extra_travel_minutes_per_week)} minutes</td>
                  <td>{formatPence(choice.extra_travel_weekly_pence)}</td>
                  <td>{formatNumber(choice.capacity_hours_left)} hours a week</td>
                  <td>{choice.explanation}</td>
                  <td>
                    <button type="button" onClick={() => offer(choice)} aria-label={`Offer to ${choice.provider_name}`}>
                      Offer
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {error && <ErrorMessage error={error} title="The package was not offered" />}
      {made && (
        <p class="notice" role="status">
          Offered to {made}.
        </p>
      )}
      <details>
        <summary>Providers not offered it ({notOffered.length})</summary>
        <ul data-testid="not-offered">
          {notOffered.map((choice) => (
            <li key={choice.provider_id}>
              {choice.provider_name}: {choice.explanation}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function OffersToUs({ tick, onAnswered }) {
  const offers = useLoad(() => api.get('/open-packages'), `ours:${tick}`);
  if (offers.loading) return <Loading what="Loading the offers made to you" />;
  if (offers.error) return <ErrorMessage error={offers.error} title="The offers could not be loaded" />;
  const rows = offers.data.open_packages.flatMap((p) => p.offers.map((offer) => ({ offer, pkg: p })));
  return (
    <section aria-labelledby="ours-heading">
      <h2 id="ours-heading">Offers to your organisation</h2>
      {rows.length === 0 && <p>No offers have been made to you.</p>}
      {rows.map(({ offer, pkg }) => (
        <OfferCard key={offer.id} offer={offer} pkg={pkg} onAnswered={onAnswered} />
      ))}
    </section>
  );
}

function OfferCard({ offer, pkg, onAnswered }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState(null);
  const answer = async (what) => {
    setError(null);
    try {
      await api.post(`/offers/${encodeURIComponent(offer.id)}/answer`, { answer: what, reason });
      onAnswered();
    } catch (failure) {
      setError(failure);
    }
  };
  const labels = (path) => (path === 'reason' ? 'Why you decline' : path);
  return (
    <article class="card" data-testid="offer" aria-labelledby={`offer-${offer.id}`}>
      <h3 id={`offer-${offer.id}`}>
        {personText(pkg)}: {SERVICES[pkg.service] || pkg.service} in {pkg.locality || pkg.area}
      </h3>
      <p>
        {hoursText(pkg.carer_minutes_per_week)}; {visitsText(pkg.visits)}; from {formatDate(pkg.starts_on)}.
      </p>
      <p>Why you: {offer.ranking.explanation}</p>
      {offer.answer ? (
        <p data-testid="answer">
          {offer.answer === 'accepted' ? 'You accepted it' : `You declined it: ${offer.reason}`}.
        </p>
      ) : (
        <>
          <div class="field">
            <label for={`reason-${offer.id}`}>Why you decline (needed to decline)</label>
            <textarea id={`reason-${offer.id}`} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </div>
          {error && <ErrorMessage error={error} title="The offer was not answered" labels={labels} />}
          <button type="button" onClick={() => answer('accept')}>
            Accept
          </button>{' '}
          <button type="button" onClick={() => answer('decline')}>
            Decline
          </button>
        </>
      )}
    </article>
  );
}
