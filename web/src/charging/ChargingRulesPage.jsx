// The charging rules: the version in force in words (capital limits, tariff,
// minimum income guarantee, disregarded income and allowable expenses), every
// published version, and for a finance officer the form to publish a new
// version from a date (checked by the server: every problem shown by its field).
import { useState } from 'preact/hooks';
import { api, enc } from '../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { downloadText, formatDate, formatPence, todayIso, toCsv } from '../shared/format.js';
import { can } from '../shared/permissions.js';
import { useSession } from '../shared/session.js';
import { downloadXlsx } from '../shared/xlsx.js';
import { rulesInForce } from './rules.js';

function ExportRows({ name, label, rows }) {
  return (
    <p class="no-print">
      <button type="button" class="secondary" data-testid={`${name}-csv`} onClick={() => downloadText(`${name}.csv`, toCsv(rows))}>
        Export {label} as CSV
      </button>{' '}
      <button type="button" class="secondary" data-testid={`${name}-xlsx`} onClick={() => downloadXlsx(`${name}.xlsx`, [{ name: label, rows }])}>
        Export {label} as XLSX
      </button>
    </p>
  );
}

export function ChargingRulesPage() {
  const session = useSession();
  const [tick, setTick] = useState(0);
  const [published, setPublished] = useState(null);
  const rules = useLoad(() => rulesInForce(todayIso()), `charging-rules-page:${tick}`);
  const versions = useLoad(() => api.get('/charging-rules'), `charging-rules-versions:${tick}`);
  return (
    <>
      <PageTitle>Charging rules</PageTitle>
      {rules.loading && <Loading what="Loading the charging rules" />}
      {rules.error && <ErrorMessage error={rules.error} title="The charging rules could not be loaded" />}
      {!rules.loading && !rules.error && !rules.data && <p>No charging rules are in force yet.</p>}
      {rules.data && <InForce doc={rules.data.document} />}
      {versions.data && <Versions versions={versions.data.rules || []} />}
      {can(session, 'charging.publish_rules') && !rules.loading && (
        <PublishForm
          key={rules.data ? `${rules.data.id}-${rules.data.version}` : 'none'}
          current={rules.data ? rules.data.document : null}
          onPublished={(answer) => {
            setPublished(answer);
            setTick((n) => n + 1);
          }}
        />
      )}
      {published && (
        <p class="notice" role="status" data-testid="rules-published">
          Published {published.title}, version {published.version}, in force from {formatDate(published.effective_from)}.
        </p>
      )}
    </>
  );
}

function InForce({ doc }) {
  const mig = doc.minimum_income_guarantee || {};
  const migRows = [...(mig.age_bands || []), ...(mig.premiums || [])];
  return (
    <>
      <p class="lead">
        {doc.title}, version {doc.version}, in force from {formatDate(doc.effective_from)}.
      </p>
      {doc.note && <p>{doc.note}</p>}
      <ul>
        <li>Capital above {formatPence(doc.capital.upper_limit_pence)}: the person pays the full cost of their care.</li>
        <li>Capital up to {formatPence(doc.capital.lower_limit_pence)} is ignored.</li>
        <li>
          Between the two: {formatPence(doc.capital.tariff.weekly_pence_per_band)} a week of tariff income for every {formatPence(doc.capital.tariff.band_pence)} or part of{' '}
          {formatPence(doc.capital.tariff.band_pence)}.
        </li>
        <li>Nobody pays more than the cost of their care.</li>
      </ul>
      <ExportRows name="minimum-income-guarantee" label="minimum income guarantee" rows={[['Circumstance', '£ a week'], ...migRows.map((row) => [row.label, row.weekly_pence / 100])]} />
      <TableWrap label="Minimum income guarantee">
        <table class="data" data-testid="minimum-income-guarantee">
          <caption>Minimum income guarantee (a week)</caption>
          <tbody>
            {migRows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.label}</th>
                <td>{formatPence(row.weekly_pence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>Income</h2>
      <ul>
        {(doc.income_types || []).map((type) => (
          <li key={type.id}>
            {type.label}: {type.disregarded ? 'disregarded' : 'counted'}
          </li>
        ))}
      </ul>
      <h2>Allowable expenses</h2>
      <ul>
        {(doc.allowable_expenses || []).map((type) => (
          <li key={type.id}>
            {type.label}
            {type.weekly_limit_pence ? `, up to ${formatPence(type.weekly_limit_pence)} a week` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

function Versions({ versions }) {
  const rows = [['Rules', 'Version', 'Title', 'In force from', 'Published by', 'Published on'], ...versions.map((v) => [v.id, v.version, v.title, v.effective_from, v.published_by, formatDate(v.published_at)])];
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">Every published version</h2>
      <ExportRows name="charging-rules-versions" label="versions" rows={rows} />
      <TableWrap label="Published charging rules versions">
        <table class="data" data-testid="charging-rules-versions">
          <caption>Published charging rules versions ({versions.length})</caption>
          <thead>
            <tr>
              <th scope="col">Rules</th>
              <th scope="col">Version</th>
              <th scope="col">Title</th>
              <th scope="col">In force from</th>
              <th scope="col">Published</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={`${v.id}-${v.version}`}>
                <td>{v.id}</td>
                <td>{v.version}</td>
                <td>
                  <a href={`/api/v1/charging-rules/${enc(v.id)}/versions/${enc(v.version)}`}>{v.title}</a>
                </td>
                <td>{formatDate(v.effective_from)}</td>
                <td>
                  {formatDate(v.published_at)} by {v.published_by}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

// Field labels for the server's issue paths, so problems read in plain words.
const LABELS = (path) => {
  if (path === 'version') return 'Version';
  if (path === 'effective_from') return 'In force from';
  if (path === 'title') return 'Title';
  if (path === '' || path === undefined) return null;
  return `Rules document, ${path}`;
};

function PublishForm({ current, onPublished }) {
  const [title, setTitle] = useState(current ? current.title : '');
  const [version, setVersion] = useState(current ? String(current.version + 1) : '1');
  const [effective, setEffective] = useState(todayIso());
  const [text, setText] = useState(current ? JSON.stringify({ ...current, version: undefined, title: undefined, effective_from: undefined }, null, 2) : '');
  const [error, setError] = useState(null);
  const load = async (file) => {
    if (!file) return;
    try {
      const doc = JSON.parse(await file.text());
      if (doc.title) setTitle(doc.title);
      if (doc.version) setVersion(String(doc.version));
      if (doc.effective_from) setEffective(doc.effective_from);
      setText(JSON.stringify({ ...doc, version: undefined, title: undefined, effective_from: undefined }, null, 2));
      setError(null);
    } catch {
      setError(new Error(`${file.name} is not a JSON charging rules document.`));
    }
  };
  const submit = async (event) => {
    event.preventDefault();
    let doc;
    try {
      doc = JSON.parse(text);
    } catch {
      setError(new Error('Rules document: this is not valid JSON. Check the brackets, commas and quotation marks.'));
      return;
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
      setError(new Error('Rules document: expected the rules as one JSON object.'));
      return;
    }
    const number = Number(version);
    const body = { ...doc, title, version: Number.isInteger(number) && version.trim() !== '' ? number : version, effective_from: effective };
    try {
      const answer = await api.post('/charging-rules', body);
      setError(null);
      onPublished(answer);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-labelledby="publish-heading" class="no-print">
      <h2 id="publish-heading">Publish a new version</h2>
      <p class="hint">
        A new version applies to financial assessments from its date; assessments already recorded keep the version they used. Nothing is published unless every part of the
        document is valid.
      </p>
      <form onSubmit={submit}>
        <div class="field">
          <label for="rules-file">Load a rules document from a file (optional)</label>
          <input id="rules-file" type="file" accept=".json,application/json" onChange={(e) => load(e.target.files[0])} />
        </div>
        <div class="field">
          <label for="rules-title">Title</label>
          <input id="rules-title" value={title} onInput={(e) => setTitle(e.target.value)} />
        </div>
        <div class="field">
          <label for="rules-version">Version</label>
          <input id="rules-version" inputmode="numeric" size="4" value={version} onInput={(e) => setVersion(e.target.value)} />
        </div>
        <div class="field">
          <label for="rules-effective">In force from</label>
          <input id="rules-effective" type="date" value={effective} onInput={(e) => setEffective(e.target.value)} />
        </div>
        <div class="field">
          <label for="rules-document">Rules document (JSON)</label>
          <p class="hint">Capital limits and tariff, income types, the minimum income guarantee and allowable expenses (docs/charging.md).</p>
          <textarea id="rules-document" rows="16" cols="80" spellcheck={false} value={text} onInput={(e) => setText(e.target.value)} />
        </div>
        {error && <ErrorMessage error={error} title="The charging rules cannot be published" labels={LABELS} />}
        <p>
          <button type="submit">Publish this version</button>
        </p>
      </form>
    </section>
  );
}
