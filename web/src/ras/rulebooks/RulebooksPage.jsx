// The rulebooks: their published versions and the one in force today, the draft
// versions under governance, the upload of a new one, and each rulebook's history.
import { useState } from 'preact/hooks';
import { api } from '../../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../../shared/components.jsx';
import { useLoad, useRulebooks } from '../../shared/data.js';
import { formatDate } from '../../shared/format.js';
import { RulebookHistory } from '../governance/History.jsx';
import { UploadRulebook } from '../governance/UploadRulebook.jsx';
import { draftUrl, ORIGIN_WORDS, STATUS_WORDS } from '../governance/words.js';
import { can } from '../../shared/permissions.js';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { navigate } from '../../shared/router.js';
import { useSession } from '../../shared/session.js';

export const versionUrl = (id, version) => `/rulebooks/${encodeURIComponent(id)}/versions/${encodeURIComponent(version)}`;
export const versionsOf = (rulebook) => (Array.isArray(rulebook.versions) ? rulebook.versions : []);

export function RulebooksPage() {
  return (
    <RequireAllowed action="rulebooks.read_drafts" title="Rulebooks">
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
      <p class="lead">
        Each rulebook is a published Resource Allocation System. A change is always a new version: drafted, proposed with an effective date and a simulation, and approved
        by a second person. Published versions never change; the calculator, the criteria and new assessments use the version in force on the day.
      </p>
      <Drafts />
      {can(session, 'rulebooks.draft') && <UploadRulebook />}
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
              <caption data-testid={`in-force-${rulebook.id}`}>
                Published versions ({rulebook.in_force_version ? `version ${rulebook.in_force_version} is in force today` : 'none is in force yet'})
              </caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Title</th>
                  <th scope="col">In force from</th>
                  <th scope="col">Published</th>
                  <th scope="col">Approved by</th>
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
                    <td>
                      {formatDate(version.effective_from)}
                      {Number(version.version) === Number(rulebook.in_force_version) ? ' (in force)' : ''}
                    </td>
                    <td>{formatDate(version.published_at)}</td>
                    <td>{version.published_by}</td>
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
          <RulebookHistory id={rulebook.id} />
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

// Draft versions under governance, the ones awaiting a decision first.
function Drafts() {
  const drafts = useLoad(() => api.get('/rulebooks/drafts').then((body) => (body && Array.isArray(body.drafts) ? body.drafts : [])), 'drafts');
  const order = { proposed: 0, draft: 1, rejected: 2, approved: 3 };
  const list = [...(drafts.data || [])].sort((a, b) => (order[a.status] ?? 9) - (order[b.status] ?? 9));
  return (
    <section aria-labelledby="drafts-heading">
      <h2 id="drafts-heading">Draft versions</h2>
      {drafts.loading && <Loading what="Loading the drafts" />}
      <ErrorMessage error={drafts.error} title="The drafts could not be loaded" />
      {drafts.data && list.length === 0 && <p>There are no draft versions.</p>}
      {list.length > 0 && (
        <TableWrap label="Draft versions">
          <table class="data" data-testid="drafts">
            <thead>
              <tr>
                <th scope="col">Rulebook</th>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
                <th scope="col">Made</th>
                <th scope="col">In force from</th>
              </tr>
            </thead>
            <tbody>
              {list.map((draft) => (
                <tr key={`${draft.id}-${draft.version}`}>
                  <td>{draft.title || draft.id}</td>
                  <td>
                    <a href={draftUrl(draft.id, draft.version)}>
                      {draft.id} draft version {draft.version}
                    </a>
                  </td>
                  <td>{STATUS_WORDS[draft.status] || draft.status}</td>
                  <td>
                    {ORIGIN_WORDS[draft.origin] || draft.origin} by {draft.created_by}, {formatDate(draft.created_at)}
                  </td>
                  <td>{draft.effective_from ? formatDate(draft.effective_from) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
