// The published criteria of one rulebook version, all on one page: how money is
// worked out, every question, answer and its points, adjustments, range and flags.
import { TableWrap } from '../../shared/components.jsx';
import { formatDate, formatNumber, formatPence } from '../../shared/format.js';
import { adjustmentFactors, adjustmentQuestion, bandsOf, fractionText, list, methodOf, pointValuePence, questionsByDomain, ratesOf, unitLabel, unitsText } from '../../shared/rulebook.js';

export function AllocationSummary({ doc }) {
  const method = methodOf(doc);
  if (method === 'bands') {
    const bands = bandsOf(doc);
    return (
      <section aria-labelledby="alloc-heading">
        <h2 id="alloc-heading">How the amount is worked out: bands of points</h2>
        <p>Each answer gives points. The points are added up, and the total falls into one of these bands, each with its own amount a year.</p>
        <TableWrap label="Bands of points">
          <table class="data">
            <caption>Bands of points</caption>
            <thead>
              <tr>
                <th scope="col">Points</th>
                <th scope="col">Band</th>
                <th scope="col" class="num">Amount a year</th>
              </tr>
            </thead>
            <tbody>
              {bands.map((band) => (
                <tr key={`${band.from}-${band.to}`}>
                  <td>
                    {band.from} to {band.to}
                  </td>
                  <td>{band.label}</td>
                  <td class="num">{formatPence(band.annualPence)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
    );
  }
  if (method === 'rates') {
    const rates = ratesOf(doc);
    return (
      <section aria-labelledby="alloc-heading">
        <h2 id="alloc-heading">How the amount is worked out: published rates</h2>
        <p>
          Each answer stands for some support a week (for example hours of care at home). That support is priced at the published rates below, and the weekly cost is
          multiplied by 52 to give the amount a year. Points are shown too, for comparison.
        </p>
        <TableWrap label="Published rates">
          <table class="data">
            <caption>Published rates</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col" class="num">Rate per unit</th>
              </tr>
            </thead>
            <tbody>
              {rates.map((rate) => (
                <tr key={rate.unit}>
                  <td>{unitLabel(rate.unit)}</td>
                  <td class="num">{formatPence(rate.pence)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
    );
  }
  const value = pointValuePence(doc);
  return (
    <section aria-labelledby="alloc-heading">
      <h2 id="alloc-heading">How the amount is worked out: points</h2>
      <p>
        Each answer gives points. The points are added up and multiplied by the value of a point, which is{' '}
        <strong class="point-value">{value !== undefined ? `${formatPence(value)} a year` : 'not stated'}</strong>.
      </p>
    </section>
  );
}

// A review flag names one condition: above_annual_pence, below_annual_pence or above_points.
function conditionText(flag) {
  if (flag.above_annual_pence !== undefined) return `the amount is above ${formatPence(flag.above_annual_pence)} a year`;
  if (flag.below_annual_pence !== undefined) return `the amount is below ${formatPence(flag.below_annual_pence)} a year`;
  if (flag.above_points !== undefined) return `the total is above ${formatNumber(flag.above_points)} points`;
  return Object.entries(flag)
    .filter(([key]) => key !== 'flag')
    .map(([key, value]) => `${key.replace(/_/g, ' ')} ${formatNumber(value)}`)
    .join(', ');
}

export function CriteriaView({ doc }) {
  const groups = questionsByDomain(doc);
  const adjustments = list(doc.adjustments);
  const flags = list(doc.review_flags);
  const showUnits = list(doc.questions).some((question) => list(question.answers).some((answer) => answer.units_per_week && Object.keys(answer.units_per_week).length));
  return (
    <div class="criteria">
      {doc.description && <p class="lead">{doc.description}</p>}
      <dl class="facts">
        <div>
          <dt>Rulebook</dt>
          <dd>
            {doc.title || doc.id} (version {doc.version})
          </dd>
        </div>
        {doc.effective_from && (
          <div>
            <dt>In use from</dt>
            <dd>{formatDate(doc.effective_from)}</dd>
          </div>
        )}
        <div>
          <dt>Questions</dt>
          <dd>{list(doc.questions).length}</dd>
        </div>
      </dl>

      <AllocationSummary doc={doc} />

      {adjustments.length > 0 && (
        <section aria-labelledby="adjust-heading">
          <h2 id="adjust-heading">Adjustments</h2>
          <p>Some answers change the amount by a factor, for example when family or friends already give support.</p>
          {adjustments.map((adjustment, adjustment_idx) => {
            const question = adjustmentQuestion(doc, adjustment);
            const factors = adjustmentFactors(adjustment);
            return (
              <TableWrap key={adjustment_idx} label={adjustment.label || 'Adjustment'}>
                <table class="data">
                  <caption>
                    {adjustment.label || String(adjustment.kind || 'Adjustment').replace(/_/g, ' ')}
                    {question ? ` (from the question “${question.text}”)` : ''}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Answer</th>
                      <th scope="col" class="num">Amount multiplied by</th>
                    </tr>
                  </thead>
                  <tbody>
                    {Array.isArray(factors)
                      ? factors.map((factor, answer_idx) => (
                          <tr key={answer_idx}>
                            <td>{question && list(question.answers)[answer_idx] ? list(question.answers)[answer_idx].text : `Answer ${answer_idx + 1}`}</td>
                            <td class="num">{fractionText(factor)}</td>
                          </tr>
                        ))
                      : Object.entries(factors).map(([answerId, factor]) => (
                          <tr key={answerId}>
                            <td>{(question && list(question.answers).find((answer) => answer.id === answerId)?.text) || answerId}</td>
                            <td class="num">{fractionText(factor)}</td>
                          </tr>
                        ))}
                  </tbody>
                </table>
              </TableWrap>
            );
          })}
        </section>
      )}

      <section aria-labelledby="range-heading">
        <h2 id="range-heading">Range and review</h2>
        <p>
          {Number(doc.range_percent) > 0
            ? `The indicative amount comes with a range of ${doc.range_percent}% below and above it, because needs that look alike can cost different amounts to meet.`
            : 'No range is given around the indicative amount.'}
        </p>
        {flags.length > 0 && (
          <ul>
            {flags.map((flag, flag_idx) => (
              <li key={flag_idx}>
                When {conditionText(flag)}, the plan is looked at more closely ({String(flag.flag || 'review').replace(/_/g, ' ')}). The amount is never reduced because of this.
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">The questions and their points</h2>
        {groups.map((group) => (
          <section class="domain" key={group.domain} aria-label={group.domain}>
            <h3>{group.domain}</h3>
            {group.questions.map((question) => (
              <div class="criteria-question" key={question.id}>
                <TableWrap label={question.text}>
                  <table class="data">
                    <caption>
                      {question.text}
                      {question.help && <span class="hint">{question.help}</span>}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Answer</th>
                        <th scope="col" class="num">Points</th>
                        {showUnits && <th scope="col">Typical support</th>}
                      </tr>
                    </thead>
                    <tbody>
                      {list(question.answers).map((answer) => (
                        <tr key={answer.id}>
                          <td>{answer.text}</td>
                          <td class="num">{formatNumber(answer.points)}</td>
                          {showUnits && <td>{unitsText(answer.units_per_week)}</td>}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              </div>
            ))}
          </section>
        ))}
      </section>
    </div>
  );
}
