// The provider framework: every provider with its standing under the quality
// gates, why it falls short of a gate, and an export of the table.
import { useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { downloadText, formatDate, formatNumber, toCsv } from '../shared/format.js';
import { can } from '../shared/permissions.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { useSession } from '../shared/session.js';
import { downloadXlsx, readXlsxRows } from '../shared/xlsx.js';
import { FRAMEWORKS, SERVICES, standingText } from './standing.js';

export function ProvidersPage() {
  return (
    <RequireAllowed action="providers.read" title="Provider framework">
      <Providers />
    </RequireAllowed>
  );
}

function exportRows(providers) {
  return [
    ['Provider', 'Former framework', 'Services', 'Areas', 'Capacity (hours a week)', 'Standing', 'Last inspected', 'Why'],
    ...providers.map((p) => [
      p.name,
      FRAMEWORKS[p.former_framework] || 'none',
      p.services.map((s) => SERVICES[s] || s).join('; '),
      p.areas.join('; '),
      p.capacity_hours_per_week,
      standingText(p.standing),
      p.last_inspected ? formatDate(p.last_inspected) : 'never',
      p.standing.reasons.join(' '),
    ]),
  ];
}

// The import form stays on the page while the list reloads after an import, so
// its report of what was added is not lost.
function Providers() {
  const session = useSession();
  const [tick, setTick] = useState(0);
  return (
    <>
      <PageTitle>Provider framework</PageTitle>
      <ProviderList tick={tick} />
      {can(session, 'providers.manage') && <ImportForm onImported={() => setTick((n) => n + 1)} />}
    </>
  );
}

function ProviderList({ tick }) {
  const list = useLoad(() => api.get('/providers'), `providers:${tick}`);
  if (list.loading) return <Loading what="Loading the framework" />;
  if (list.error) return <ErrorMessage error={list.error} title="The framework could not be loaded" />;
  const { rules, providers } = list.data;
  const admitted = providers.filter((p) => p.standing.admitted).length;
  const personal = providers.filter((p) => p.standing.uplift_and_personal_budget).length;
  return (
    <>
      <p class="lead">
        A provider is on the framework with grade {rules.admission_min_grade} or above in every theme at each of its last {rules.inspections_considered} inspections, and
        can be considered for uplifts and the personal budget model with grade {rules.uplift_min_grade} or above.
      </p>
      <p data-testid="framework-summary">
        {providers.length} providers: {admitted} on the framework, {personal} eligible for uplifts and the personal budget model, {providers.length - admitted} not on it.
      </p>
      <p>
        <button type="button" onClick={() => downloadText('provider-framework.csv', toCsv(exportRows(providers)))}>
          Download CSV
        </button>{' '}
        <button type="button" onClick={() => downloadXlsx('provider-framework.xlsx', [{ name: 'Provider framework', rows: exportRows(providers) }])}>
          Download XLSX
        </button>
      </p>
      <TableWrap label="Providers">
        <table class="data" data-testid="providers">
          <caption>Providers and their standing</caption>
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Former framework</th>
              <th scope="col">Services</th>
              <th scope="col">Capacity (hours a week)</th>
              <th scope="col">Standing</th>
              <th scope="col">Last inspected</th>
            </tr>
          </thead>
          <tbody>
            {providers.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={`/providers/${p.id}`}>{p.name}</a>
                </td>
                <td>{FRAMEWORKS[p.former_framework] || 'none'}</td>
                <td>{p.services.map((s) => SERVICES[s] || s).join(', ')}</td>
                <td class="num">{formatNumber(p.capacity_hours_per_week)}</td>
                <td>
                  {standingText(p.standing)}
                  {p.standing.reasons.length > 0 && <div class="hint">{p.standing.reasons[0]}</div>}
                </td>
                <td>{p.last_inspected ? formatDate(p.last_inspected) : 'never'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

function ImportForm({ onImported }) {
  const [file, setFile] = useState(null);
  const [error, setError] = useState(null);
  const [added, setAdded] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    setError(null);
    setAdded(null);
    if (!file) {
      setError(new Error('Choose a CSV or XLSX file first.'));
      return;
    }
    try {
      const body = /\.xlsx$/i.test(file.name) ? { source_name: file.name, rows: await readXlsxRows(file) } : { source_name: file.name, csv: await file.text() };
      const result = await api.post('/providers/import', body);
      setAdded(result.added);
      onImported();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-labelledby="providers-import-heading">
      <h2 id="providers-import-heading">Add providers from a spreadsheet</h2>
      <p class="hint">
        A header row, then one row per provider: name, former_framework (help_to_live_at_home, specialist or blank), services and areas (each separated by semicolons:
        care_at_home, housing_support, childrens_care_at_home, specialist_support, night_support), capacity_hours_per_week. A file with any problem adds nothing, and every
        problem is listed with its row.
      </p>
      <form onSubmit={submit}>
        <div class="field">
          <label for="providers-file">CSV or XLSX file</label>
          <input id="providers-file" type="file" accept=".csv,text/csv,.xlsx" onChange={(e) => setFile(e.currentTarget.files && e.currentTarget.files[0])} />
        </div>
        {error && <ErrorMessage error={error} title="No provider was added" />}
        {added && (
          <p class="notice" role="status" data-testid="providers-added">
            Added {added.length} provider{added.length === 1 ? '' : 's'}: {added.map((provider) => provider.name).join(', ')}.
          </p>
        )}
        <button type="submit">Add providers</button>
      </form>
    </section>
  );
}
