// An indicative budget as the server scored it: the amount a year and a week, the
// range, flags, the derivation line by line and the points by area of life. Shown
// by the public calculator and by the journey's assessments.
import { TableWrap } from './components.jsx';
import { formatNumber, formatPence } from './format.js';
import { list } from './rulebook.js';

export function ScoreResult({ result, headingRef, onStartAgain, title = 'Your indicative budget' }) {
  const flags = list(result.flags);
  const domains = list(result.domains);
  return (
    <section class="result" aria-labelledby="result-heading" data-testid="score-result">
      <h2 id="result-heading" tabIndex={-1} ref={headingRef}>
        {title}
      </h2>
      <p class="amount">
        <span class="amount__annual" data-testid="annual">
          {formatPence(result.annual_pence)}
        </span>{' '}
        a year
      </p>
      <p class="amount-weekly">
        That is about <strong data-testid="weekly">{formatPence(result.weekly_pence)}</strong> a week.
      </p>
      {(result.lower_annual_pence !== undefined || result.upper_annual_pence !== undefined) && (
        <p data-testid="range">
          The range is from <strong>{formatPence(result.lower_annual_pence)}</strong> to <strong>{formatPence(result.upper_annual_pence)}</strong> a year.
        </p>
      )}
      <p class="notice-inline">
        This is an indicative amount: a starting point for planning your support, not a cap. Your agreed personal budget can be more or less than this, depending on what
        your support plan shows you need.
      </p>
      {flags.length > 0 && (
        <div class="flags">
          <p>Because of your answers, your support plan will be looked at more closely before it is agreed:</p>
          <ul>
            {flags.map((flag) => (
              <li key={flag}>{String(flag).replace(/_/g, ' ')}</li>
            ))}
          </ul>
          <p>This does not reduce your budget.</p>
        </div>
      )}
      <h3>How it was worked out</h3>
      <ol class="derivation" data-testid="derivation">
        {list(result.derivation).map((line, line_idx) => (
          <li key={line_idx}>{line}</li>
        ))}
      </ol>
      {domains.length > 0 && (
        <TableWrap label="Points by area of life">
          <table class="data">
            <caption>Points by area of life (total {formatNumber(result.total_points)} points)</caption>
            <thead>
              <tr>
                <th scope="col">Area of life</th>
                <th scope="col" class="num">Points</th>
                <th scope="col" class="num">Share a year</th>
              </tr>
            </thead>
            <tbody>
              {domains.map((domain) => (
                <tr key={domain.domain}>
                  <td>{domain.domain}</td>
                  <td class="num">{formatNumber(domain.points)}</td>
                  <td class="num">{formatPence(domain.annual_pence)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {onStartAgain && (
        <p class="no-print">
          <button type="button" class="button button--secondary" onClick={onStartAgain}>
            Start again
          </button>{' '}
          <button type="button" class="button button--secondary" onClick={() => window.print()}>
            Print this
          </button>
        </p>
      )}
    </section>
  );
}
