import { navigate } from '../../router.js';

// Chooses which published rulebook a public page shows (its latest version).
export function RulebookPicker({ rulebooks, current, path }) {
  if (!rulebooks || rulebooks.length < 2) return null;
  return (
    <div class="field picker">
      <label for="rulebook-picker">Which criteria</label>
      <select
        id="rulebook-picker"
        value={current}
        onChange={(event) => navigate(`${path}?rulebook=${encodeURIComponent(event.currentTarget.value)}`, { replace: true })}
      >
        {rulebooks.map((rulebook) => (
          <option key={rulebook.id} value={rulebook.id}>
            {rulebook.title || rulebook.id}
          </option>
        ))}
      </select>
    </div>
  );
}

export function IndicativeNotice() {
  return (
    <div class="notice" role="note">
      <p>
        <strong>This is an indicative amount, not a limit.</strong> It is a starting point for planning your support. Your agreed personal budget is the reasonable cost of
        meeting your eligible needs, worked out with you in your support plan: it can be more or less than this amount.
      </p>
    </div>
  );
}
