import { ErrorMessage, Loading } from '../../shared/components.jsx';
import { pickVersion, useRulebooks, useVersion } from '../../shared/data.js';
import { navigate, useLocation } from '../../shared/router.js';

// The published rulebook a public page shows, chosen from the address
// (?rulebook=&version=): the list of rulebooks, the chosen id and version, and its document.
export function usePublishedRulebook() {
  const { query } = useLocation();
  const rulebooks = useRulebooks();
  const picked = pickVersion(rulebooks.data, query);
  const id = picked && picked.rulebook.id;
  const version = picked && picked.version;
  const doc = useVersion(id, version);
  return { rulebooks, id, version, doc };
}

// What a public page shows while it finds its rulebook: errors, an empty list,
// the picker, and loading.
export function PublishedRulebookChooser({ published, path, loadingWhat }) {
  const { rulebooks, id, doc } = published;
  return (
    <>
      {rulebooks.error && <ErrorMessage error={rulebooks.error} title="The criteria could not be loaded" />}
      {rulebooks.data && rulebooks.data.length === 0 && <p>No criteria have been published yet.</p>}
      <RulebookPicker rulebooks={(rulebooks.data || []).filter((rulebook) => rulebook.in_force_version !== null)} current={id} path={path} />
      {doc.error && <ErrorMessage error={doc.error} title="The criteria could not be loaded" />}
      {(rulebooks.loading || doc.loading) && <Loading what={loadingWhat} />}
    </>
  );
}

// Chooses which published rulebook a public page shows (its version in force).
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
