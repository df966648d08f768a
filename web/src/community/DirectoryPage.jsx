// The directory of community opportunities: searched by locality, kind, client
// group and words (the search lives in the address), exported as CSV or XLSX,
// and added to from a spreadsheet.
import { useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { ExportButtons } from '../shared/ExportButtons.jsx';
import { can } from '../shared/permissions.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { setQuery, useLocation } from '../shared/router.js';
import { useSession } from '../shared/session.js';
import { SpreadsheetImport } from '../shared/SpreadsheetImport.jsx';
import { chargeText, CLIENT_GROUPS, groupsText, KINDS, useLocalities } from './words.js';

export function DirectoryPage() {
  return (
    <RequireAllowed action="community.read" title="Community opportunities">
      <Directory />
    </RequireAllowed>
  );
}

function Directory() {
  const session = useSession();
  const [tick, setTick] = useState(0);
  return (
    <>
      <PageTitle>Community opportunities</PageTitle>
      <p class="lead">Support that is not paid care: groups, activities, lunch clubs and social firms near the people we support, free or at a small charge.</p>
      {can(session, 'community.manage') && (
        <p>
          <a class="button" href="/community/new">
            Add an opportunity
          </a>
        </p>
      )}
      <Search tick={tick} />
      {can(session, 'community.manage') && (
        <SpreadsheetImport
          id="community-import"
          route="/community/import"
          heading="Add opportunities from a spreadsheet"
          what="opportunities"
          onImported={() => setTick((n) => n + 1)}
          hint={`A header row, then one row per opportunity. Columns: name, kind (${Object.keys(KINDS).join(', ')}), description, locality, address, postcode, latitude, longitude, opening_times, contact, client_groups (separated by semicolons: ${Object.keys(CLIENT_GROUPS).join(', ')}; blank for everyone), charge_pence (blank or 0 for free), charge_note. Name, kind, locality, opening_times and contact are needed. Without latitude and longitude an opportunity is placed by its postcode. A file with any problem adds nothing, and every problem is listed with its row.`}
        />
      )}
    </>
  );
}

function exportTable(entries, notes) {
  return {
    name: 'community-opportunities',
    title: 'Community opportunities',
    notes,
    columns: [
      { title: 'Name', kind: 'text', value: (e) => e.name },
      { title: 'Kind', kind: 'code', value: (e) => KINDS[e.kind] || e.kind },
      { title: 'Locality', kind: 'text', value: (e) => e.locality },
      { title: 'Address', kind: 'text', value: (e) => e.address },
      { title: 'Postcode', kind: 'text', value: (e) => e.postcode },
      { title: 'Opening times', kind: 'text', value: (e) => e.opening_times },
      { title: 'Contact', kind: 'text', value: (e) => e.contact },
      { title: 'Who it is for', kind: 'text', value: (e) => groupsText(e.client_groups) },
      { title: 'Charge', kind: 'money', value: (e) => e.charge_pence },
      { title: 'Charge for', kind: 'text', value: (e) => e.charge_note },
    ],
    rows: entries,
  };
}

function Search({ tick }) {
  const { query } = useLocation();
  const wanted = { locality: query.get('locality') || '', kind: query.get('kind') || '', client_group: query.get('client_group') || '', q: query.get('q') || '' };
  const search = new URLSearchParams(Object.entries(wanted).filter(([, value]) => value)).toString();
  const list = useLoad(() => api.get(`/community${search ? `?${search}` : ''}`), `${search}:${tick}`);
  const [words, setWords] = useState(wanted.q);
  const localities = useLocalities(tick);
  const choose = (name) => (event) => setQuery({ [name]: event.currentTarget.value });
  const notes = [
    wanted.locality && `Locality: ${wanted.locality}`,
    wanted.kind && `Kind: ${KINDS[wanted.kind]}`,
    wanted.client_group && `For: ${CLIENT_GROUPS[wanted.client_group]}`,
    wanted.q && `Words: ${wanted.q}`,
  ].filter(Boolean);
  return (
    <section aria-labelledby="community-search-heading">
      <h2 id="community-search-heading">Search</h2>
      <form
        class="filters no-print"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery({ q: words.trim() });
        }}
      >
        <div class="field field--inline">
          <label for="community-locality">Locality</label>
          <select id="community-locality" value={wanted.locality} onChange={choose('locality')}>
            <option value="">Any locality</option>
            {[...new Set([...localities, wanted.locality].filter(Boolean))].map((name) => (
              <option value={name}>{name}</option>
            ))}
          </select>
        </div>
        <div class="field field--inline">
          <label for="community-kind">Kind</label>
          <select id="community-kind" value={wanted.kind} onChange={choose('kind')}>
            <option value="">Any kind</option>
            {Object.entries(KINDS).map(([code, label]) => (
              <option value={code}>{label}</option>
            ))}
          </select>
        </div>
        <div class="field field--inline">
          <label for="community-group">For</label>
          <select id="community-group" value={wanted.client_group} onChange={choose('client_group')}>
            <option value="">Anyone</option>
            {Object.entries(CLIENT_GROUPS).map(([code, label]) => (
              <option value={code}>{label}</option>
            ))}
          </select>
        </div>
        <div class="field field--inline">
          <label for="community-words">Words in the name or description</label>
          <input id="community-words" type="search" value={words} onInput={(event) => setWords(event.currentTarget.value)} />
        </div>
        <button type="submit" class="button button--secondary">
          Search
        </button>
      </form>
      {list.loading && <Loading what="Searching the directory" />}
      {list.error && <ErrorMessage error={list.error} title="The directory could not be searched" />}
      {list.data && <Results entries={list.data.entries} notes={notes} />}
    </section>
  );
}

function Results({ entries, notes }) {
  return (
    <>
      <p role="status" data-testid="community-count">
        {entries.length === 0 ? 'No opportunity matches the search.' : `${entries.length} ${entries.length === 1 ? 'opportunity' : 'opportunities'}.`}
      </p>
      <ExportButtons table={exportTable(entries, notes)} what="these opportunities" />
      <TableWrap label="Community opportunities">
        <table class="data" data-testid="community-entries">
          <caption>Community opportunities{notes.length ? ` (${notes.join('; ')})` : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Locality</th>
              <th scope="col">When</th>
              <th scope="col">Who it is for</th>
              <th scope="col">Charge</th>
              <th scope="col">Contact</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <a href={`/community/${entry.id}`}>{entry.name}</a>
                </td>
                <td>{KINDS[entry.kind] || entry.kind}</td>
                <td>{entry.locality}</td>
                <td>{entry.opening_times}</td>
                <td>{groupsText(entry.client_groups)}</td>
                <td>{chargeText(entry)}</td>
                <td>{entry.contact}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
