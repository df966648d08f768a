// Analysts' list of rulebooks and their published versions.
import { useState } from 'preact/hooks';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../../components.jsx';
import { useRulebooks } from '../../data.js';
import { navigate } from '../../router.js';
import { RequireRole } from './RequireRole.jsx';

export const ANALYST_ROLES = ['analyst', 'administrator'];
export const versionUrl = (id, version) => `/rulebooks/${encodeURIComponent(id)}/versions/${encodeURIComponent(version)}`;
export const versionsOf = (rulebook) => (Array.isArray(rulebook.versions) ? rulebook.versions : []);

export function RulebooksPage() {
  return (
    <RequireRole roles={ANALYST_ROLES} title="Rulebooks">
      <RulebookList />
    </RequireRole>
  );
}

function RulebookList() {
  const rulebooks = useRulebooks();
  return (
    <>
      <PageTitle>Rulebooks</PageTitle>
      <p class="lead">Each rulebook is a published Resource Allocation System. A change is always a new version; published versions never change.</p>
      {rulebooks.loading && <Loading what="Loading rulebooks" />}
      <ErrorMessage error={rulebooks.error} title="Rulebooks could not be loaded" />
      {rulebooks.data && rulebooks.data.length === 0 && <p>No rulebooks have been published yet.</p>}
      {(rulebooks.data || []).map((rulebook) => (
        <section class="rulebook" key={rulebook.id} aria-labelledby={`rb-${rulebook.id}`}>
          <h2 id={`rb-${rulebook.id}`}>
            {rulebook.title || rulebook.id} <span class="muted">({rulebook.id})</span>
          </h2>
          <TableWrap label={`Versions of ${rulebook.title || rulebook.id}`}>
            <table class="data">
              <caption>Versions (latest is {rulebook.latest_version})</caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Title</th>
                  <th scope="col">In use from</th>
                  <th scope="col">Published (UTC)</th>
                  <th scope="col">Work with it</th>
                </tr>
              </thead>
              <tbody>
                {versionsOf(rulebook).map((version) => (
                  <tr key={version.version}>
                    <td>
                      <a href={versionUrl(rulebook.id, version.version)}>Version {version.version}</a>
                    </td>
                    <td>{version.title}</td>
                    <td>{version.effective_from}</td>
                    <td>{version.published_at ? String(version.published_at).replace('T', ' ').replace(/\..*$|Z$/, '') : ''}</td>
                    <td class="row-actions">
                      <a href={`${versionUrl(rulebook.id, version.version)}/calibrate`}>Calibrate</a>{' '}
                      <a href={`${versionUrl(rulebook.id, version.version)}/simulate`}>Simulate</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {versionsOf(rulebook).length > 1 && <CompareForm rulebook={rulebook} />}
        </section>
      ))}
    </>
  );
}

function CompareForm({ rulebook }) {
  const versions = versionsOf(rulebook).map((version) => version.version);
  const [from, setFrom] = useState(versions[versions.length - 2]);
  const [to, setTo] = useState(versions[versions.length - 1]);
  const base = `cmp-${rulebook.id}`;
  return (
    <form
      class="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        navigate(`/rulebooks/${encodeURIComponent(rulebook.id)}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
      }}
    >
      <fieldset>
        <legend>Compare two versions side by side</legend>
        <VersionSelect id={`${base}-from`} label="From" versions={versions} value={from} onChange={setFrom} />
        <VersionSelect id={`${base}-to`} label="To" versions={versions} value={to} onChange={setTo} />
        <button type="submit" class="button button--secondary">
          Compare
        </button>
      </fieldset>
    </form>
  );
}

function VersionSelect({ id, label, versions, value, onChange }) {
  return (
    <div class="field field--inline">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {versions.map((version) => (
          <option key={version} value={version}>
            Version {version}
          </option>
        ))}
      </select>
    </div>
  );
}
