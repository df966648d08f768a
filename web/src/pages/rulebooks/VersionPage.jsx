// One rulebook version as published, with the analyst's actions.
import { versionPath } from '../../api.js';
import { ErrorMessage, Loading, PageTitle } from '../../components.jsx';
import { useVersion } from '../../data.js';
import { CriteriaView } from '../criteria/CriteriaView.jsx';
import { RequireRole } from './RequireRole.jsx';
import { ANALYST_ROLES, versionUrl } from './RulebooksPage.jsx';

export function VersionPage({ id, version }) {
  return (
    <RequireRole roles={ANALYST_ROLES} title="Rulebook version">
      <VersionView id={id} version={version} />
    </RequireRole>
  );
}

function VersionView({ id, version }) {
  const doc = useVersion(id, version);
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
        <li>
          <a href={`${versionUrl(id, version)}/calibrate`}>Calibrate the value of a point</a>
        </li>
        <li>
          <a href={`${versionUrl(id, version)}/simulate`}>Simulate a population</a>
        </li>
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
