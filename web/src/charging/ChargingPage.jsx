// A person's charging: the weekly cost of their care, what they pay and what the
// council and NHS pay, side by side, with the arithmetic line by line; earlier
// assessments; and the form to record a new financial assessment.
import { useState } from 'preact/hooks';
import { api, enc } from '../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { downloadText, formatDate, formatPence, todayIso, toCsv, toPence } from '../shared/format.js';
import { can } from '../shared/permissions.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { useSession } from '../shared/session.js';
import { downloadXlsx } from '../shared/xlsx.js';
import { rulesInForce } from './rules.js';

export function ChargingPage({ id }) {
  return (
    <RequireAllowed action="charging.read" title="What the person pays">
      <Charging id={id} />
    </RequireAllowed>
  );
}

const STATUS_TEXT = { assessed: 'Assessed', deferred: 'Deferred: charged the full cost', refused: 'Declined: charged the full cost' };

export function Amounts({ assessment }) {
  return (
    <dl class="charging-amounts" data-testid="charging-amounts">
      <div>
        <dt>Cost of care a week</dt>
        <dd data-testid="weekly-cost">{formatPence(assessment.weekly_cost_pence)}</dd>
      </div>
      <div>
        <dt>The person pays a week</dt>
        <dd data-testid="contribution">{formatPence(assessment.contribution_pence)}</dd>
      </div>
      <div>
        <dt>The council and NHS pay a week</dt>
        <dd data-testid="public-share">{formatPence(assessment.public_share_pence)}</dd>
      </div>
    </dl>
  );
}

export function Derivation({ assessment }) {
  const lines = (assessment.calculation && assessment.calculation.derivation) || [];
  return (
    <>
      <h3>How this was worked out</h3>
      <ol class="charging-derivation" data-testid="charging-derivation">
        {lines.map((line) => (
          <li key={line}>{line.replace(/^\d+\.\s*/, '')}</li>
        ))}
      </ol>
      <p class="hint">
        This assessment applies from {formatDate(assessment.effective_from)}, under charging rules {assessment.rules_id} version {assessment.rules_version}.
      </p>
    </>
  );
}

function Charging({ id }) {
  const session = useSession();
  const [tick, setTick] = useState(0);
  const loaded = useLoad(() => api.get(`/people/${enc(id)}/charging`), `${id}:${tick}`);
  if (loaded.loading) return <Loading what="Loading the financial assessment" />;
  if (loaded.error) return <ErrorMessage error={loaded.error} title="The financial assessment could not be loaded" />;
  const charging = loaded.data;
  const current = charging.current;
  return (
    <>
      <p class="breadcrumbs no-print">
        <a href={`/people/${enc(id)}`}>Back to the person’s record</a>
      </p>
      <PageTitle>What the person pays</PageTitle>
      {charging.agreed_weekly_pence !== null && charging.agreed_weekly_pence !== undefined && (
        <p>
          Agreed personal budget: {formatPence(charging.agreed_weekly_pence)} a week
          {charging.agreed_nhs_annual_pence ? ` (a year: council ${formatPence(charging.agreed_council_annual_pence)}, NHS ${formatPence(charging.agreed_nhs_annual_pence)})` : ''}.
        </p>
      )}
      {charging.shares ? <Shares shares={charging.shares} /> : null}
      {current ? (
        <section aria-labelledby="current-heading">
          <h2 id="current-heading">
            Current assessment <span class="tag" data-testid="charging-status">{STATUS_TEXT[current.status] || current.status}</span>
          </h2>
          <Amounts assessment={current} />
          {current.reason && <p>Reason: {current.reason}</p>}
          <Derivation assessment={current} />
        </section>
      ) : (
        <p data-testid="no-assessment">No financial assessment has been recorded yet.</p>
      )}
      {charging.assessments.length > 0 && <History assessments={charging.assessments} />}
      {can(session, 'charging.assess') && <AssessmentForm id={id} onRecorded={() => setTick((n) => n + 1)} />}
    </>
  );
}

// A week of the agreed budget, side by side: the cost of care, what the person
// pays, the council's share and the NHS's share, with the arithmetic.
export function Shares({ shares }) {
  return (
    <section aria-labelledby="shares-heading" data-testid="charging-shares">
      <h2 id="shares-heading">Who pays for a week of care</h2>
      <dl class="charging-amounts charging-shares">
        <div>
          <dt>Cost of care</dt>
          <dd data-testid="share-cost">{formatPence(shares.weekly_cost_pence)}</dd>
        </div>
        <div>
          <dt>The person pays</dt>
          <dd data-testid="share-person">{formatPence(shares.person_pence)}</dd>
        </div>
        <div>
          <dt>The council pays</dt>
          <dd data-testid="share-council">{formatPence(shares.council_pence)}</dd>
        </div>
        <div>
          <dt>The NHS pays</dt>
          <dd data-testid="share-nhs">{formatPence(shares.nhs_pence)}</dd>
        </div>
      </dl>
      <h3>The arithmetic</h3>
      <ol class="charging-derivation" data-testid="share-arithmetic">
        {shares.arithmetic.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
    </section>
  );
}

const historyRows = (assessments) => [
  ['From', 'Status', 'Reason', 'Cost a week (£)', 'Can pay a week (£)', 'Person pays a week (£)', 'Rules', 'Recorded by', 'Recorded on'],
  ...assessments.map((row) => [
    row.effective_from,
    row.status,
    row.reason || '',
    row.weekly_cost_pence / 100,
    row.assessed_weekly_pence / 100,
    row.contribution_pence / 100,
    `${row.rules_id} v${row.rules_version}`,
    row.recorded_by,
    formatDate(row.recorded_at),
  ]),
];

function History({ assessments }) {
  return (
    <>
      <p class="no-print">
        <button type="button" class="secondary" data-testid="assessments-csv" onClick={() => downloadText('financial-assessments.csv', toCsv(historyRows(assessments)))}>
          Export assessments as CSV
        </button>{' '}
        <button type="button" class="secondary" data-testid="assessments-xlsx" onClick={() => downloadXlsx('financial-assessments.xlsx', [{ name: 'Financial assessments', rows: historyRows(assessments) }])}>
          Export assessments as XLSX
        </button>
      </p>
    <TableWrap label="Every financial assessment">
      <table class="data">
        <caption>Every financial assessment (the current one first)</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Status</th>
            <th scope="col">Cost a week</th>
            <th scope="col">Person pays</th>
            <th scope="col">Recorded by</th>
          </tr>
        </thead>
        <tbody>
          {assessments.map((row) => (
            <tr key={row.id}>
              <td>{formatDate(row.effective_from)}</td>
              <td>{row.status}</td>
              <td>{formatPence(row.weekly_cost_pence)}</td>
              <td>{formatPence(row.contribution_pence)}</td>
              <td>{row.recorded_by}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
    </>
  );
}

const emptyLine = () => ({ type: '', pounds: '' });

function LinesField({ legend, name, types, lines, setLines }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <table class="charging-lines">
        <tbody>
          {lines.map((line, index) => (
            <tr key={index}>
              <td>
                <label class="visually-hidden" for={`${name}-${index}-type`}>
                  {legend} {index + 1}: type
                </label>
                <select id={`${name}-${index}-type`} value={line.type} onChange={(e) => setLines(lines.map((l, i) => (i === index ? { ...l, type: e.target.value } : l)))}>
                  <option value="">Choose…</option>
                  {types.map((type) => (
                    <option key={type.id} value={type.id}>
                      {type.label}
                      {type.disregarded ? ' (disregarded)' : ''}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <label class="visually-hidden" for={`${name}-${index}-pounds`}>
                  {legend} {index + 1}: £ a week
                </label>
                £<input id={`${name}-${index}-pounds`} inputmode="decimal" size="8" value={line.pounds} onInput={(e) => setLines(lines.map((l, i) => (i === index ? { ...l, pounds: e.target.value } : l)))} /> a week
              </td>
              <td>
                <button type="button" class="secondary" onClick={() => setLines(lines.filter((_, i) => i !== index))}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" class="secondary" onClick={() => setLines([...lines, emptyLine()])}>
        Add a line
      </button>
    </fieldset>
  );
}

function AssessmentForm({ id, onRecorded }) {
  const rules = useLoad(() => rulesInForce(todayIso()), 'charging-rules');
  const [status, setStatus] = useState('assessed');
  const [reason, setReason] = useState('');
  const [age, setAge] = useState('');
  const [premiums, setPremiums] = useState([]);
  const [incomes, setIncomes] = useState([emptyLine()]);
  const [capital, setCapital] = useState('0');
  const [expenses, setExpenses] = useState([]);
  const [cost, setCost] = useState('');
  const [effective, setEffective] = useState(todayIso());
  const [error, setError] = useState(null);
  const [preview, setPreview] = useState(null);
  if (rules.loading) return <Loading what="Loading the charging rules" />;
  if (rules.error) return <ErrorMessage error={rules.error} title="The charging rules could not be loaded" />;
  if (!rules.data) return <p>No charging rules are published yet.</p>;
  const document = rules.data.document;
  const body = () => {
    const out = { status, reason, effective_from: effective };
    if (cost !== '') out.weekly_cost_pence = toPence(cost) ?? cost;
    if (status === 'assessed') {
      if (age !== '') out.age = Number(age);
      out.premiums = premiums;
      out.incomes = incomes.map((line) => ({ type: line.type, weekly_pence: toPence(line.pounds) ?? line.pounds }));
      out.capital_pence = toPence(capital) ?? capital;
      out.expenses = expenses.map((line) => ({ type: line.type, weekly_pence: toPence(line.pounds) ?? line.pounds }));
    }
    return out;
  };
  const send = async (path, after) => {
    setError(null);
    try {
      after(await api.post(path, body()));
    } catch (failure) {
      setError(failure);
    }
  };
  const mig = document.minimum_income_guarantee || {};
  return (
    <section aria-labelledby="assess-heading" class="no-print">
      <h2 id="assess-heading">Record a financial assessment</h2>
      <p class="hint">{document.title}. {document.note}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send(`/people/${enc(id)}/financial-assessments`, () => {
            setPreview(null);
            onRecorded();
          });
        }}
      >
        <div class="field">
          <label for="charging-status">Assessment</label>
          <select id="charging-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="assessed">Assessed</option>
            <option value="deferred">Deferred (charged the full cost until done)</option>
            <option value="refused">Declined by the person (charged the full cost)</option>
          </select>
        </div>
        {status !== 'assessed' && (
          <div class="field">
            <label for="charging-reason">Reason</label>
            <input id="charging-reason" value={reason} onInput={(e) => setReason(e.target.value)} />
          </div>
        )}
        <div class="field">
          <label for="charging-effective">From</label>
          <input id="charging-effective" type="date" value={effective} onInput={(e) => setEffective(e.target.value)} />
        </div>
        <div class="field">
          <label for="charging-cost">Weekly cost of care (£)</label>
          <p class="hint">Leave empty to use the agreed personal budget’s weekly amount.</p>
          <input id="charging-cost" inputmode="decimal" value={cost} onInput={(e) => setCost(e.target.value)} />
        </div>
        {status === 'assessed' && (
          <>
            <div class="field">
              <label for="charging-age">Age</label>
              <p class="hint">Only when the person’s date of birth is not recorded.</p>
              <input id="charging-age" inputmode="numeric" size="4" value={age} onInput={(e) => setAge(e.target.value)} />
            </div>
            <fieldset>
              <legend>Minimum income guarantee: circumstances</legend>
              {(mig.premiums || []).map((premium) => (
                <div class="checkbox" key={premium.id}>
                  <input
                    type="checkbox"
                    id={`premium-${premium.id}`}
                    checked={premiums.includes(premium.id)}
                    onChange={(e) => setPremiums(e.target.checked ? [...premiums, premium.id] : premiums.filter((p) => p !== premium.id))}
                  />
                  <label for={`premium-${premium.id}`}>
                    {premium.label} ({formatPence(premium.weekly_pence)} a week)
                  </label>
                </div>
              ))}
            </fieldset>
            <LinesField legend="Income" name="income" types={document.income_types || []} lines={incomes} setLines={setIncomes} />
            <div class="field">
              <label for="charging-capital">Capital (£)</label>
              <input id="charging-capital" inputmode="decimal" value={capital} onInput={(e) => setCapital(e.target.value)} />
            </div>
            <LinesField legend="Allowable expenses" name="expense" types={document.allowable_expenses || []} lines={expenses} setLines={setExpenses} />
          </>
        )}
        {error && <ErrorMessage error={error} title="The assessment has problems" />}
        <p>
          <button type="button" class="secondary" onClick={() => send(`/people/${enc(id)}/financial-assessments/preview`, setPreview)}>
            Work it out
          </button>{' '}
          <button type="submit">Record the assessment</button>
        </p>
      </form>
      {preview && (
        <section aria-labelledby="preview-heading" data-testid="charging-preview">
          <h3 id="preview-heading">Worked out, not yet recorded</h3>
          <Amounts assessment={preview} />
          <Derivation assessment={preview} />
        </section>
      )}
    </section>
  );
}
