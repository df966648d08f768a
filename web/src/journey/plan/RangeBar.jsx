// Where a plan's annual cost falls against the indicative range: a bar with the
// range shaded and the indicative budget marked, and the same in words.
import { formatPence } from '../../shared/format.js';

export function RangeBar({ total, lower, upper, indicative }) {
  if (lower === undefined || upper === undefined || lower === null || upper === null) return null;
  const max = Math.max(upper, total, indicative || 0, 1) * 1.15;
  const pct = (value) => `${Math.max(0, Math.min(100, (value / max) * 100)).toFixed(2)}%`;
  const where = total > upper ? 'above' : total < lower ? 'below' : 'within';
  return (
    <figure class="range-bar" data-where={where}>
      <div class="range-bar__track" aria-hidden="true">
        <div class="range-bar__range" style={{ left: pct(lower), width: `calc(${pct(upper)} - ${pct(lower)})` }} />
        <div class={`range-bar__total range-bar__total--${where}`} style={{ width: pct(total) }} />
        {indicative ? <div class="range-bar__marker" style={{ left: pct(indicative) }} /> : null}
      </div>
      <figcaption class="small">
        The plan’s {formatPence(total)} a year is <strong data-testid="range-position">{where} the indicative range</strong> ({formatPence(lower)} to {formatPence(upper)}). Shaded: the range; line:
        the indicative budget.
      </figcaption>
    </figure>
  );
}
