// The published criteria on one printable page.
import { PageTitle } from '../../shared/components.jsx';
import { IndicativeNotice, PublishedRulebookChooser, usePublishedRulebook } from '../calculator/RulebookPicker.jsx';
import { CriteriaView } from './CriteriaView.jsx';

export function CriteriaPage() {
  const published = usePublishedRulebook();
  const { id, doc } = published;
  return (
    <>
      <PageTitle>Published criteria</PageTitle>
      <p class="lead">Every question, every answer and its points, and how points become an indicative budget.</p>
      <IndicativeNotice />
      <PublishedRulebookChooser published={published} path="/criteria" loadingWhat="Loading the criteria" />
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
