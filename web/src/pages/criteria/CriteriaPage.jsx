// The published criteria on one printable page.
import { ErrorMessage, Loading, PageTitle } from '../../components.jsx';
import { pickVersion, useRulebooks, useVersion } from '../../data.js';
import { useLocation } from '../../router.js';
import { IndicativeNotice, RulebookPicker } from '../calculator/RulebookPicker.jsx';
import { CriteriaView } from './CriteriaView.jsx';

export function CriteriaPage() {
  const { query } = useLocation();
  const rulebooks = useRulebooks();
  const picked = pickVersion(rulebooks.data, query);
  const id = picked && picked.rulebook.id;
  const version = picked && picked.version;
  const doc = useVersion(id, version);
  return (
    <>
      <PageTitle>Published criteria</PageTitle>
      <p class="lead">Every question, every answer and its points, and how points become an indicative budget.</p>
      <IndicativeNotice />
      {rulebooks.error && <ErrorMessage error={rulebooks.error} title="The criteria could not be loaded" />}
      {rulebooks.data && rulebooks.data.length === 0 && <p>No criteria have been published yet.</p>}
      <RulebookPicker rulebooks={rulebooks.data} current={id} path="/criteria" />
      {doc.error && <ErrorMessage error={doc.error} title="The criteria could not be loaded" />}
      {(rulebooks.loading || doc.loading) && <Loading what="Loading the criteria" />}
      {doc.data && (
        <>
          <p class="no-print">
            <button type="button" class="button button--secondary" onClick={() => window.print()}>
              Print the criteria
            </button>{' '}
            <a href={`/calculator?rulebook=${encodeURIComponent(id)}`}>Work out an indicative budget</a>
          </p>
          <CriteriaView doc={doc.data} />
        </>
      )}
    </>
  );
}
