// Night-time support on a person's page (seed 002, 3.8): each of their care at
// home packages with nights, what the nights cost a week now, and what a
// sleepover, a waking night or technology-enabled care with a responder would
// cost for the same nights at the provider's rates in force, so alternatives to
// sleepovers are in view. Shown only when the person has nights.
import { useState } from 'preact/hooks';
import { api, enc } from '../shared/api.js';
import { ErrorMessage, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { formatPence } from '../shared/format.js';
import { can } from '../shared/permissions.js';
import { useSession } from '../shared/session.js';

const KIND = {
  sleepover: 'Sleepover',
  waking_night: 'Waking night',
  technology_with_responder: 'Technology-enabled care with a responder',
};

function difference(pence) {
  if (pence === null || pence === undefined) return '';
  if (pence === 0) return 'no change';
  return pence < 0 ? `${formatPence(-pence)} less` : `${formatPence(pence)} more`;
}

export function NightSupportPanel({ person }) {
  const session = useSession();
  const [technology, setTechnology] = useState('');
  const [asked, setAsked] = useState('');
  const query = asked ? `?technology_weekly_pence=${enc(asked)}` : '';
  const loaded = useLoad(
    () => (can(session, 'people.read') ? api.get(`/people/${enc(person.id)}/night-support${query}`) : Promise.resolve({ packages: [] })),
    `nights:${person.id}:${asked}`,
  );
  if (loaded.loading) return null;
  if (loaded.error) {
    // Someone who may not read the comparison sees nothing of it, not an error.
    if (loaded.error.status === 403) return null;
    return <ErrorMessage error={loaded.error} title="Night-time support could not be compared" />;
  }
  const packages = loaded.data.packages || [];
  if (packages.length === 0) return null;
  return (
    <section aria-labelledby="nights-heading" data-testid="night-support">
      <h2 id="nights-heading">Night-time support and its alternatives</h2>
      {packages.map((pkg) => (
        <div key={pkg.package_id}>
          <h3>
            Package {pkg.package_id} with {pkg.provider_name}
          </h3>
          {pkg.not_costed ? (
            <p>{pkg.not_costed}</p>
          ) : (
            <TableWrap label={`Night-time support for package ${pkg.package_id}`}>
              <table class="data">
                <caption>
                  Now: {KIND[pkg.current.kind]}, {pkg.current.nights_per_week} nights a week, {formatPence(pkg.current.weekly_pence)} a week
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Night-time support</th>
                    <th scope="col">A week</th>
                    <th scope="col">Against now, a week</th>
                    <th scope="col">Against now, a year</th>
                    <th scope="col">Note</th>
                  </tr>
                </thead>
                <tbody>
                  {pkg.alternatives.map((alt) => (
                    <tr key={alt.kind}>
                      <th scope="row">
                        {KIND[alt.kind]}
                        {alt.current ? ' (now)' : ''}
                      </th>
                      <td class="num">{alt.weekly_pence === null ? 'not priced' : formatPence(alt.weekly_pence)}</td>
                      <td class="num">{difference(alt.difference_weekly_pence)}</td>
                      <td class="num">{difference(alt.difference_annual_pence)}</td>
                      <td>{alt.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </div>
      ))}
      <form
        class="no-print"
        onSubmit={(event) => {
          event.preventDefault();
          const pence = Math.round(Number(technology) * 100);
          setAsked(Number.isFinite(pence) && pence >= 0 ? String(pence) : '');
        }}
      >
        <label for="nights-technology">Weekly charge for technology and a responder (£)</label>
        <input id="nights-technology" inputMode="decimal" value={technology} onInput={(e) => setTechnology(e.currentTarget.value)} />
        <button type="submit" class="button--secondary">
          Compare
        </button>
      </form>
    </section>
  );
}
