// One provider: its standing, its inspections, its rates, and (for
// commissioners) a new inspection, whose consequence is shown before it is saved.
import { useState } from 'preact/hooks';
import { api, enc } from '../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { formatDate, formatPence, todayIso } from '../shared/format.js';
import { can } from '../shared/permissions.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { useSession } from '../shared/session.js';
import { FRAMEWORKS, SERVICES, standingText } from './standing.js';

export function ProviderPage({ id }) {
  return (
    <RequireAllowed action="providers.read" title="Provider">
      <Provider id={id} />
    </RequireAllowed>
  );
}

const GRADE_WORDS = ['unsatisfactory', 'weak', 'adequate', 'good', 'very good', 'excellent'];

function Provider({ id }) {
  const session = useSession();
  const [tick, setTick] = useState(0);
  const loaded = useLoad(() => api.get(`/providers/${enc(id)}`), `provider:${id}:${tick}`);
  const framework = useLoad(() => api.get('/providers'), 'providers');
  if (loaded.loading) return <Loading what="Loading the provider" />;
  if (loaded.error) return <ErrorMessage error={loaded.error} title="The provider could not be loaded" />;
  const provider = loaded.data;
  const themes = framework.data ? framework.data.rules.themes : [];
  return (
    <>
      <PageTitle>{provider.name}</PageTitle>
      <p>
        {FRAMEWORKS[provider.former_framework] ? `Formerly on the ${FRAMEWORKS[provider.former_framework]} framework. ` : ''}
        Services: {provider.services.map((s) => SERVICES[s] || s).join(', ')}. Areas: {provider.areas.join(', ') || 'none named'}. Capacity{' '}
        {provider.capacity_hours_per_week} hours a week.
      </p>
      <p>
        <a href={`/providers/${enc(id)}/packages`}>{provider.name}’s packages and their visits</a>
      </p>
      <h2>Standing</h2>
      <p data-testid="standing">{standingText(provider.standing)}</p>
      {provider.standing.reasons.length > 0 && (
        <ul data-testid="reasons">
          {provider.standing.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      <h2>Inspections</h2>
      <TableWrap label="Inspections">
        <table class="data" data-testid="inspections">
          <caption>Inspections, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              {themes.map((theme) => (
                <th scope="col" key={theme}>
                  {theme}
                </th>
              ))}
              <th scope="col">Recorded by</th>
            </tr>
          </thead>
          <tbody>
            {provider.inspections.map((inspection) => (
              <tr key={inspection.id}>
                <td>{formatDate(inspection.date)}</td>
                {themes.map((theme) => (
                  <td key={theme}>
                    {inspection.grades[theme]} ({GRADE_WORDS[inspection.grades[theme] - 1]})
                  </td>
                ))}
                <td>{inspection.recorded_by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>Rates</h2>
      {provider.rate_cards.length === 0 ? (
        <p>No rates recorded: packages cannot be costed or placed with this provider until they are.</p>
      ) : (
        <TableWrap label="Rates">
          <table class="data" data-testid="rates">
            <caption>Rates by service, each in force from its date</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">From</th>
                <th scope="col">Day, an hour</th>
                <th scope="col">Evening, an hour</th>
                <th scope="col">Weekend, an hour</th>
                <th scope="col">Sleepover, a night</th>
                <th scope="col">Waking night, an hour</th>
              </tr>
            </thead>
            <tbody>
              {provider.rate_cards.map((card) => (
                <tr key={card.id}>
                  <td>{SERVICES[card.service] || card.service}</td>
                  <td>{formatDate(card.effective_from)}</td>
                  <td class="num">{formatPence(card.day_hourly_pence)}</td>
                  <td class="num">{formatPence(card.evening_hourly_pence)}</td>
                  <td class="num">{formatPence(card.weekend_hourly_pence)}</td>
                  <td class="num">{formatPence(card.sleepover_nightly_pence)}</td>
                  <td class="num">{formatPence(card.waking_night_hourly_pence)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {can(session, 'providers.manage') && themes.length > 0 && (
        <InspectionForm id={id} themes={themes} onRecorded={() => setTick((n) => n + 1)} />
      )}
    </>
  );
}

function InspectionForm({ id, themes, onRecorded }) {
  const [date, setDate] = useState(todayIso());
  const [grades, setGrades] = useState(Object.fromEntries(themes.map((theme) => [theme, ''])));
  const [preview, setPreview] = useState(null);
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState(null);
  const body = () => ({ date, grades: Object.fromEntries(Object.entries(grades).map(([theme, grade]) => [theme, Number(grade)])) });
  const labels = (path) => (path === 'date' ? 'Date of inspection' : path.replace(/^grades\["(.*)"\]$/, '$1'));
  const check = async (event) => {
    event.preventDefault();
    setError(null);
    setSaved(null);
    try {
      setPreview(await api.post(`/providers/${enc(id)}/inspections`, { ...body(), preview: true }));
    } catch (failure) {
      setPreview(null);
      setError(failure);
    }
  };
  const record = async () => {
    setError(null);
    try {
      const outcome = await api.post(`/providers/${enc(id)}/inspections`, body());
      setSaved(outcome.consequence.summary);
      setPreview(null);
      onRecorded();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-labelledby="inspection-heading">
      <h2 id="inspection-heading">Record an inspection</h2>
      <form onSubmit={check}>
        <div class="field">
          <label for="inspection-date">Date of inspection</label>
          <input id="inspection-date" type="date" value={date} onInput={(e) => { setDate(e.currentTarget.value); setPreview(null); }} />
        </div>
        {themes.map((theme, index) => (
          <div class="field" key={theme}>
            <label for={`grade-${index}`}>{theme}</label>
            <select id={`grade-${index}`} value={grades[theme]} onChange={(e) => { setGrades({ ...grades, [theme]: e.currentTarget.value }); setPreview(null); }}>
              <option value="">Choose a grade</option>
              {GRADE_WORDS.map((words, grade) => (
                <option key={words} value={grade + 1}>
                  {grade + 1} ({words})
                </option>
              ))}
            </select>
          </div>
        ))}
        {error && <ErrorMessage error={error} title="The inspection was not recorded" labels={labels} />}
        <button type="submit">Check what it changes</button>
      </form>
      {preview && (
        <div class="notice" role="status" data-testid="consequence">
          <p>
            Recording this inspection: <strong>{preview.consequence.summary}</strong>.
          </p>
          <p>Afterwards: {standingText(preview.consequence.after)}.</p>
          <button type="button" onClick={record}>
            Record the inspection
          </button>
        </div>
      )}
      {saved && (
        <p class="notice" role="status">
          Recorded: {saved}.
        </p>
      )}
    </section>
  );
}
