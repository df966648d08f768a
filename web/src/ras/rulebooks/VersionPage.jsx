// One rulebook version as published, with the actions the user may take on it.
import { versionPath } from '../../shared/api.js';
import { ErrorMessage, Loading, PageTitle } from '../../shared/components.jsx';
import { useVersion } from '../../shared/data.js';
import { can } from '../../shared/permissions.js';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { useSession } from '../../shared/session.js';
import { CriteriaView } from '../criteria/CriteriaView.jsx';
import { versionUrl } from './RulebooksPage.jsx';

export function VersionPage({ id, version }) {
  return (
    <RequireAllowed action="rulebooks.read_drafts" title="Rulebook version">
      <VersionView id={id} version={version} />
    </RequireAllowed>
  );
}

function VersionView({ id, version }) {
  const doc = useVersion(id, version);
  const session = useSession();
  const previous = Number(version) - 1;
  return (
    <>
      <p class="breadcrumbs">
        <a href="/rulebooks">Rulebooks</a> › {id}
      </p>
      <PageTitle title={`${id} version ${version}`}>
        {doc.data ? doc.data.title || id : id} <span class="muted">version {version}</span>
      </PageTitle>
      <ul class="action-links">
        {can(session, 'rulebooks.calibrate') && (
          <li>
            <a href={`${versionUrl(id, version)}/calibrate`}>Calibrate the value of a point</a>
          </li>
        )}
        {can(session, 'rulebooks.simulate') && (
          <li>
            <a href={`${versionUrl(id, version)}/simulate`}>Simulate a population</a>
          </li>
        )}
        {previous >= 1 && (
          <li>
            <a href={`/rulebooks/${encodeURIComponent(id)}/compare?from=${previous}&to=${encodeURIComponent(version)}`}>Compare with version {previous}</a>
          </li>
        )}
        <li>
          <a href={`/api/v1${versionPath(id, version)}`} download={`${id}-v${version}.json`}>
            Download the document (JSON)
          </a>
        </li>
      </ul>
      {doc.loading && <Loading what="Loading the rulebook" />}
      <ErrorMessage error={doc.error} title="The rulebook could not be loaded" />
      {doc.data && <CriteriaView doc={doc.data} />}
    </>
  );
}
