// Find a person: search by name or NHS number, filter by stage, locality, team
// and client group, page through the results.
import { useState } from 'preact/hooks';
import { api } from '../../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../../shared/components.jsx';
import { useLoad } from '../../shared/data.js';
import { formatDate } from '../../shared/format.js';
import { can } from '../../shared/permissions.js';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { navigate, useLocation } from '../../shared/router.js';
import { useSession } from '../../shared/session.js';
import { codeLabel, CodeSelect, personPath, stageLabel, STAGES } from '../records.jsx';

const PAGE = 25;
const FILTERS = ['q', 'stage', 'locality', 'team', 'client_group'];

export function PeoplePage() {
  return (
    <RequireAllowed action="people.read" title="Find a person">
      <People />
    </RequireAllowed>
  );
}

function People() {
  const { query } = useLocation();
  const { user } = useSession();
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const current = Object.fromEntries(FILTERS.map((name) => [name, query.get(name) || '']));
  const [form, setForm] = useState(current);
  const search = new URLSearchParams();
  for (const name of FILTERS) if (current[name]) search.set(name, current[name]);
  search.set('limit', String(PAGE));
  search.set('offset', String(offset));
  const results = useLoad(() => api.get(`/people?${search}`), search.toString());

  const go = (values, nextOffset = 0) => {
    const params = new URLSearchParams();
    for (const name of FILTERS) if (values[name]) params.set(name, values[name]);
    if (nextOffset) params.set('offset', String(nextOffset));
    navigate(`/people${params.toString() ? `?${params}` : ''}`);
  };
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  const total = results.data ? results.data.total : 0;
  const people = results.data && Array.isArray(results.data.people) ? results.data.people : [];

  return (
    <>
      <PageTitle>Find a person</PageTitle>
      {can(user, 'people.write') && (
        <p>
          <a class="button button--secondary" href="/people/new">
            Add a person
          </a>
        </p>
      )}
      <form
        class="filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          go(form);
        }}
      >
        <div class="field">
          <label for="q">Name or NHS number</label>
          <input id="q" type="search" value={form.q} onInput={(event) => set('q')(event.currentTarget.value)} autoComplete="off" />
        </div>
        <div class="filters__row">
          <div class="field">
            <label for="stage">Stage</label>
            <CodeSelect id="stage" options={[{ code: 'none', label: 'No open case' }, ...STAGES]} value={form.stage} onChange={set('stage')} blank="Any stage" />
          </div>
          <div class="field">
            <label for="locality">Locality</label>
            <input id="locality" value={form.locality} onInput={(event) => set('locality')(event.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="team">Team</label>
            <input id="team" value={form.team} onInput={(event) => set('team')(event.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="client_group">Client group</label>
            <CodeSelect id="client_group" list="client_group" value={form.client_group} onChange={set('client_group')} blank="Any client group" />
          </div>
        </div>
        <div class="actions">
          <button type="submit" class="button">
            Search
          </button>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => {
              const empty = Object.fromEntries(FILTERS.map((name) => [name, '']));
              setForm(empty);
              go(empty);
            }}
          >
            Clear
          </button>
        </div>
      </form>
      {results.loading && <Loading what="Finding people" />}
      <ErrorMessage error={results.error} title="The search failed" />
      {results.data && (
        <>
          <p role="status" data-testid="people-count">
            {total === 0 ? 'No one matches.' : `${total.toLocaleString('en-GB')} ${total === 1 ? 'person matches' : 'people match'}; showing ${offset + 1} to ${Math.min(offset + PAGE, total)}.`}
          </p>
          {people.length > 0 && (
            <TableWrap label="People">
              <table class="data" data-testid="people">
                <caption class="visually-hidden">People matching the search</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Date of birth</th>
                    <th scope="col">Client group</th>
                    <th scope="col">Locality</th>
                    <th scope="col">Team</th>
                    <th scope="col">Stage</th>
                  </tr>
                </thead>
                <tbody>
                  {people.map((person) => (
                    <tr key={person.id}>
                      <td>
                        <a href={personPath(person.id)}>
                          {person.family_name}, {person.given_name}
                        </a>
                        {person.cares_for ? <span class="tag"> carer</span> : null}
                      </td>
                      <td>{formatDate(person.date_of_birth)}</td>
                      <td>{codeLabel('client_group', person.client_group)}</td>
                      <td>{person.locality}</td>
                      <td>{person.team}</td>
                      <td>{stageLabel(person.stage)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          {total > PAGE && (
            <nav class="pager" aria-label="Pages of results">
              {offset > 0 && (
                <button type="button" class="button button--secondary" onClick={() => go(current, Math.max(0, offset - PAGE))}>
                  Previous {PAGE}
                </button>
              )}{' '}
              <span>
                Page {Math.floor(offset / PAGE) + 1} of {Math.ceil(total / PAGE)}
              </span>{' '}
              {offset + PAGE < total && (
                <button type="button" class="button button--secondary" onClick={() => go(current, offset + PAGE)}>
                  Next {PAGE}
                </button>
              )}
            </nav>
          )}
        </>
      )}
    </>
  );
}
