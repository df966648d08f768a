// Two versions of a rulebook side by side, with what changed highlighted.
// Highlights are never colour alone: every changed row also says so in words.
import { useState } from 'preact/hooks';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../../shared/components.jsx';
import { useVersion } from '../../shared/data.js';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { useLocation } from '../../shared/router.js';
import { diffRulebooks } from './diff.js';
import { versionUrl } from './RulebooksPage.jsx';

const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const STATUS_WORDS = { added: 'Added', removed: 'Removed', changed: 'Changed', same: '' };

export function ComparePage({ id }) {
  return (
    <RequireAllowed action="rulebooks.read_drafts" title="Compare versions">
      <Compare id={id} />
    </RequireAllowed>
  );
}

function Compare({ id }) {
  const { query } = useLocation();
  const from = query.get('from');
  const to = query.get('to');
  const a = useVersion(id, from);
  const b = useVersion(id, to);
  const [onlyChanges, setOnlyChanges] = useState(false);
  const diff = a.data && b.data ? diffRulebooks(a.data, b.data) : null;
  return (
    <>
      <p class="breadcrumbs">
        <a href="/rulebooks">Rulebooks</a> › {id}
      </p>
      <PageTitle title={`Compare ${id} ${from} and ${to}`}>
        Compare version {from} with version {to}
      </PageTitle>
      {(a.loading || b.loading) && <Loading what="Loading both versions" />}
      <ErrorMessage error={a.error} title={`Version ${from} could not be loaded`} />
      <ErrorMessage error={b.error} title={`Version ${to} could not be loaded`} />
      {diff && (
        <>
          <p class="lead" data-testid="diff-summary">
            {count(diff.summary.questionsChanged, 'question')} changed, {diff.summary.questionsAdded} added and {diff.summary.questionsRemoved} removed;{' '}
            {count(diff.summary.answerChanges, 'answer')} changed; {count(diff.summary.otherChanges, 'other change')}.
          </p>
          <div class="checkbox no-print">
            <input type="checkbox" id="only-changes" checked={onlyChanges} onChange={(event) => setOnlyChanges(event.currentTarget.checked)} />
            <label for="only-changes">Show only what changed</label>
          </div>
          <p class="legend">
            <span class="diff-added">Added</span> <span class="diff-removed">Removed</span> <span class="diff-changed">Changed</span>
          </p>
          <DiffTable title="Rulebook" rows={diff.general} from={from} to={to} onlyChanges={onlyChanges} id={id} />
          <DiffTable title="Allocation" rows={diff.allocation} from={from} to={to} onlyChanges={onlyChanges} id={id} />
          <QuestionsDiff questions={diff.questions} from={from} to={to} onlyChanges={onlyChanges} id={id} />
          {diff.adjustments.length > 0 && <DiffTable title="Adjustments" rows={diff.adjustments} from={from} to={to} onlyChanges={onlyChanges} id={id} />}
          {diff.flags.length > 0 && <DiffTable title="Review flags" rows={diff.flags} from={from} to={to} onlyChanges={onlyChanges} id={id} />}
        </>
      )}
    </>
  );
}

function Head({ from, to, id, first = 'Item' }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">
          <a href={versionUrl(id, from)}>Version {from}</a>
        </th>
        <th scope="col">
          <a href={versionUrl(id, to)}>Version {to}</a>
        </th>
        <th scope="col">Change</th>
      </tr>
    </thead>
  );
}

function Cells({ entry }) {
  return (
    <>
      <td class={entry.status === 'removed' || entry.status === 'changed' ? 'diff-old' : ''}>{entry.before ?? '—'}</td>
      <td class={entry.status === 'added' || entry.status === 'changed' ? 'diff-new' : ''}>{entry.after ?? '—'}</td>
      <td>{STATUS_WORDS[entry.status]}</td>
    </>
  );
}

function DiffTable({ title, rows, from, to, onlyChanges, id }) {
  const shown = onlyChanges ? rows.filter((entry) => entry.status !== 'same') : rows;
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {shown.length === 0 ? (
        <p>No changes.</p>
      ) : (
        <TableWrap label={title}>
          <table class="data diff">
            <Head from={from} to={to} id={id} />
            <tbody>
              {shown.map((entry) => (
                <tr key={entry.label} class={`diff-${entry.status}`}>
                  <th scope="row">{entry.label}</th>
                  <Cells entry={entry} />
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function QuestionsDiff({ questions, from, to, onlyChanges, id }) {
  const shown = onlyChanges ? questions.filter((question) => question.status !== 'same') : questions;
  return (
    <section aria-label="Questions and answers">
      <h2>Questions and answers</h2>
      {shown.length === 0 && <p>No changes.</p>}
      {shown.map((question) => {
        const details = [question.text, question.domain, question.help, question.defaultAnswer].filter(
          (entry) => entry.before !== undefined || entry.after !== undefined,
        );
        const answerRows = [];
        for (const answer of question.answers) {
          for (const entry of [answer.text, answer.points, answer.units]) {
            if (entry.before === undefined && entry.after === undefined) continue;
            if (entry.label === 'Support a week' && !entry.before && !entry.after) continue;
            if (onlyChanges && entry.status === 'same') continue;
            answerRows.push({ ...entry, label: `${answer.id}: ${entry.label.toLowerCase()}`, key: `${answer.id}/${entry.label}` });
          }
        }
        return (
          <div class={`diff-question diff-${question.status}`} key={question.id} data-question={question.id}>
            <h3>
              {question.id}
              {STATUS_WORDS[question.status] && <span class={`tag tag--${question.status}`}>{STATUS_WORDS[question.status]}</span>}
            </h3>
            <TableWrap label={`Question ${question.id}`}>
              <table class="data diff">
                <Head from={from} to={to} id={id} first="Field" />
                <tbody>
                  {details
                    .filter((entry) => !onlyChanges || entry.status !== 'same')
                    .map((entry) => (
                      <tr key={entry.label} class={`diff-${entry.status}`}>
                        <th scope="row">{entry.label}</th>
                        <Cells entry={entry} />
                      </tr>
                    ))}
                  {answerRows.map((entry) => (
                    <tr key={entry.key} class={`diff-${entry.status}`}>
                      <th scope="row">{entry.label}</th>
                      <Cells entry={entry} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </div>
        );
      })}
    </section>
  );
}
