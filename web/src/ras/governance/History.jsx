// A rulebook's history: every step of its governance, attributed and dated.
import { api, enc } from '../../shared/api.js';
import { ErrorMessage, Loading, TableWrap } from '../../shared/components.jsx';
import { useLoad } from '../../shared/data.js';
import { formatDate } from '../../shared/format.js';
import { STEP_WORDS } from './words.js';

export function RulebookHistory({ id, headingLevel = 3, tick = 0 }) {
  const history = useLoad(() => api.get(`/rulebooks/${enc(id)}/history`), `${id}#${tick}`);
  const Heading = `h${headingLevel}`;
  const steps = history.data && Array.isArray(history.data.history) ? history.data.history : [];
  return (
    <section class="history" aria-labelledby={`history-${id}`}>
      <Heading id={`history-${id}`}>History of {id}</Heading>
      {history.loading && <Loading what="Loading the history" />}
      <ErrorMessage error={history.error} title="The history could not be loaded" />
      {steps.length > 0 && (
        <TableWrap label={`History of ${id}`}>
          <table class="data" data-testid={`history-${id}`}>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Version</th>
                <th scope="col">Step</th>
                <th scope="col">By</th>
                <th scope="col">In force from</th>
                <th scope="col">Note or reason</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((step, step_idx) => (
                <tr key={step_idx}>
                  <td>{formatDate(step.at)}</td>
                  <td>{step.version}</td>
                  <td>{STEP_WORDS[step.step] || step.step}</td>
                  <td>{step.by}</td>
                  <td>{step.effective_from ? formatDate(step.effective_from) : ''}</td>
                  <td class="wrap">{step.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
