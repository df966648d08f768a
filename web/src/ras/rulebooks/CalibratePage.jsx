// Calibration (seed 003's method): a sample of cases, the budget, a top-slice
// and the number of people using services give the value of a point and the
// protection fund.
import { useState } from 'preact/hooks';
import { api, versionPath } from '../../shared/api.js';
import { ErrorMessage, PageTitle, TableWrap } from '../../shared/components.jsx';
import { useVersion } from '../../shared/data.js';
import { pageError } from '../../shared/errors.js';
import { downloadText, formatPence, formatValue, humanise, parsePounds } from '../../shared/format.js';
import { FileField } from '../../shared/forms.jsx';
import { can } from '../../shared/permissions.js';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { useSession } from '../../shared/session.js';
import { columnsText, csvHeader } from './columns.js';
import { draftUrl } from '../governance/words.js';
import { versionUrl } from './RulebooksPage.jsx';

export function CalibratePage({ id, version }) {
  return (
    <RequireAllowed action="rulebooks.calibrate" title="Calibrate">
      <Calibrate id={id} version={version} />
    </RequireAllowed>
  );
}

// The value of a point and the protection fund are shown first; every other
// scalar field of the result follows in a table.
const HEADLINE_KEYS = ['pence_per_point', 'protection_fund_pence'];

function Calibrate({ id, version }) {
  const doc = useVersion(id, version);
  const [sample, setSample] = useState({ text: null, name: null });
  const [budget, setBudget] = useState('');
  const [topSlice, setTopSlice] = useState('15');
  const [population, setPopulation] = useState('');
  const [method, setMethod] = useState('sample');
  const [saveDraft, setSaveDraft] = useState(false);
  const [problems, setProblems] = useState({});
  const [error, setError] = useState(null);
  const [result, setResult] = useState(null);
  const [busy, setBusy] = useState(false);
  const mayDraft = can(useSession(), 'rulebooks.draft');

  const submit = async (event) => {
    event.preventDefault();
    const found = {};
    const budgetPence = parsePounds(budget);
    if (!sample.text) found.sample = 'Choose a sample file (CSV)';
    if (budgetPence === null) found.budget = 'Enter the budget in pounds, for example 12500000 or 12,500,000.00';
    const slice = Number(topSlice);
    if (topSlice.trim() === '' || !Number.isFinite(slice) || slice < 0 || slice >= 100) found.topSlice = 'Enter a percentage from 0 up to (not including) 100';
    const people = Number(population);
    if (!/^\d+$/.test(population.trim()) || people < 1) found.population = 'Enter the number of people using services, a whole number above 0';
    setProblems(found);
    setError(null);
    if (Object.keys(found).length) {
      setError(pageError('Check the form.', Object.values(found)));
      return;
    }
    setBusy(true);
    try {
      // The sample goes as the body (CSV), the settings in the query: a sample of
      // any size up to the upload limit, as a simulation's population.
      const query = new URLSearchParams({ budget_pence: String(budgetPence), top_slice_percent: topSlice.trim(), population: String(people), method });
      if (saveDraft && mayDraft) query.set('draft', 'true');
      setResult(await api.postText(`${versionPath(id, version)}/calibrate?${query}`, sample.text, 'text/csv'));
    } catch (caught) {
      setResult(null);
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p class="breadcrumbs">
        <a href="/rulebooks">Rulebooks</a> › <a href={versionUrl(id, version)}>{id} version {version}</a>
      </p>
      <PageTitle title={`Calibrate ${id} version ${version}`}>Calibrate the value of a point</PageTitle>
      <p class="lead">
        Score a sample of current cases, scale the points to everyone using services, hold back a top-slice of the budget as a protection fund, and share the rest
        across the points.
      </p>
      {doc.data && doc.data.allocation && doc.data.allocation.method !== 'points' && (
        <p class="notice">
          Calibration sets the value of a point, so it applies to points rulebooks. This rulebook uses {doc.data.allocation.method}, so the server will refuse it.
        </p>
      )}
      <ErrorMessage error={error} title="The calibration could not be run" />
      <form onSubmit={submit} noValidate class="narrow">
        <FileField
          id="sample-file"
          label="Sample of current cases (CSV)"
          hint={doc.data ? `Columns: ${columnsText(doc.data)}. One row per person; each question column holds an answer id.` : 'One row per person.'}
          error={problems.sample}
          onText={(text, name) => setSample({ text, name })}
        />
        {doc.data && (
          <p class="small">
            <button type="button" class="link-button" onClick={() => downloadText(`${id}-v${version}-sample-template.csv`, csvHeader(doc.data) + '\r\n')}>
              Download an empty sample file with these columns
            </button>
          </p>
        )}
        <div class={`field${problems.budget ? ' field--error' : ''}`}>
          <label for="budget">Community care budget for the year (£)</label>
          {problems.budget && (
            <p class="field-error" id="budget-error">
              {problems.budget}
            </p>
          )}
          <input id="budget" inputMode="decimal" value={budget} onInput={(event) => setBudget(event.currentTarget.value)} aria-describedby={problems.budget ? 'budget-error' : undefined} />
        </div>
        <div class={`field${problems.topSlice ? ' field--error' : ''}`}>
          <label for="top-slice">Top-slice (%)</label>
          <p class="hint" id="top-slice-hint">
            Held back as a protection fund for people whose budget would not keep their current services. Derby held back 15%.
          </p>
          {problems.topSlice && (
            <p class="field-error" id="top-slice-error">
              {problems.topSlice}
            </p>
          )}
          <input
            id="top-slice"
            class="input--short"
            inputMode="decimal"
            value={topSlice}
            onInput={(event) => setTopSlice(event.currentTarget.value)}
            aria-describedby={problems.topSlice ? 'top-slice-hint top-slice-error' : 'top-slice-hint'}
          />
        </div>
        <div class={`field${problems.population ? ' field--error' : ''}`}>
          <label for="population">People using services</label>
          {problems.population && (
            <p class="field-error" id="population-error">
              {problems.population}
            </p>
          )}
          <input id="population" class="input--short" inputMode="numeric" value={population} onInput={(event) => setPopulation(event.currentTarget.value)} aria-describedby={problems.population ? 'population-error' : undefined} />
        </div>
        <fieldset class="field">
          <legend>Method</legend>
          <div class="radios">
            <div class="radio">
              <input type="radio" id="method-sample" name="method" checked={method === 'sample'} onChange={() => setMethod('sample')} />
              <label for="method-sample">Sample points scaled to the population (the Derby method)</label>
            </div>
            <div class="radio">
              <input type="radio" id="method-fit" name="method" checked={method === 'fit'} onChange={() => setMethod('fit')} />
              <label for="method-fit">Fit the value of a point to the sample's current costs</label>
            </div>
          </div>
        </fieldset>
        {mayDraft && (
          <div class="checkbox">
            <input type="checkbox" id="save-draft" checked={saveDraft} onChange={(event) => setSaveDraft(event.currentTarget.checked)} aria-describedby="save-draft-hint" />
            <label for="save-draft">Also store the calibrated rulebook as a draft version</label>
            <p class="hint" id="save-draft-hint">
              A draft is used by nobody until it is proposed with an effective date and a simulation, and approved by a second person.
            </p>
          </div>
        )}
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Calibrating…' : 'Calibrate'}
        </button>
      </form>
      <div aria-live="polite" class="visually-hidden">
        {result ? `Calibrated: the value of a point is ${formatPence(result.pence_per_point)} a year.` : ''}
      </div>
      {result && <CalibrationResult result={result} id={id} />}
    </>
  );
}

function CalibrationResult({ result, id }) {
  const drafted = result.draft || null;
  const rows = Object.entries(result).filter(([key, value]) => !HEADLINE_KEYS.includes(key) && (value === null || typeof value !== 'object'));
  return (
    <section class="result" aria-labelledby="calibration-heading" data-testid="calibration-result">
      <h2 id="calibration-heading">Calibration</h2>
      <dl class="headline">
        <div>
          <dt>Value of a point</dt>
          <dd data-testid="point-value">{formatPence(result.pence_per_point)} a year</dd>
        </div>
        <div>
          <dt>Protection fund</dt>
          <dd data-testid="protection-fund">{formatPence(result.protection_fund_pence)}</dd>
        </div>
      </dl>
      {drafted && drafted.version !== undefined && (
        <p class="success" data-testid="calibration-draft">
          Stored as <a href={draftUrl(drafted.id || id, drafted.version)}>draft version {drafted.version}</a>. Propose it with an effective date and a simulation to put it
          to approval.
        </p>
      )}
      <TableWrap label="Calibration details">
        <table class="data">
          <caption>Details</caption>
          <tbody>
            {rows.map(([key, value]) => (
              <tr key={key}>
                <th scope="row">{humanise(key)}</th>
                <td class="num">{formatValue(key, value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
