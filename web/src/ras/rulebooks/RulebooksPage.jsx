// Analysts' list of rulebooks and their published versions.
import { useState } from 'preact/hooks';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../../shared/components.jsx';
import { useRulebooks } from '../../shared/data.js';
import { can } from '../../shared/permissions.js';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { navigate } from '../../shared/router.js';
import { useSession } from '../../shared/session.js';

export const versionUrl = (id, version) => `/rulebooks/${encodeURIComponent(id)}/versions/${encodeURIComponent(version)}`;
export const versionsOf = (rulebook) => (Array.isArray(rulebook.versions) ? rulebook.versions : []);

export function RulebooksPage() {
  return (
    <RequireAllowed action="rulebooks.validate" title="Rulebooks">
      <RulebookList />
    </RequireAllowed>
  );
}

function RulebookList() {
  const rulebooks = useRulebooks();
  const session = useSession();
  const mayCalibrate = can(session, 'rulebooks.calibrate');
  const maySimulate = can(session, 'rulebooks.simulate');
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
                  {(mayCalibrate || maySimulate) && <th scope="col">Work with it</th>}
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
                    {(mayCalibrate || maySimulate) && (
                      <td class="row-actions">
                        {mayCalibrate && <a href={`${versionUrl(rulebook.id, version.version)}/calibrate`}>Calibrate</a>}{' '}
                        {maySimulate && <a href={`${versionUrl(rulebook.id, version.version)}/simulate`}>Simulate</a>}
                      </td>
                    )}
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
