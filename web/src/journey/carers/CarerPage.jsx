// A carer's assessments: the first stage (hours and five impacts, completed by
// the carer or a partner organisation) with its trigger result and universal
// support, then the full carers' assessment against the carers' rulebook giving
// a carer's budget.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, enc, versionPath } from '../../shared/api.js';
import { ErrorMessage, Loading, PageTitle } from '../../shared/components.jsx';
import { useLoad, useRulebooks, useVersion, versionInForce } from '../../shared/data.js';
import { issuesByPath, issuesFor } from '../../shared/errors.js';
import { formatDate, formatPence, toPence } from '../../shared/format.js';
import { Field, Question } from '../../shared/forms.jsx';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { list } from '../../shared/rulebook.js';
import { ScoreResult } from '../../shared/ScoreResult.jsx';
import { fullName, getPerson, personPath } from '../records.jsx';

const IMPACTS = [
  ['health_impact', 'Effect on the carer’s physical or mental health'],
  ['breaks_impact', 'Being able to have breaks'],
  ['work_learning_impact', 'Work, learning or training'],
  ['relationships_impact', 'Relationships with others'],
  ['willingness_impact', 'Being able and willing to go on caring'],
];
const LEVELS = [
  ['0', 'None'],
  ['1', 'Some'],
  ['2', 'A lot'],
  ['3', 'Critical'],
];

export function CarerPage({ id }) {
  return (
    <RequireAllowed action="people.write" title="Carer’s assessments">
      <Carer id={id} />
    </RequireAllowed>
  );
}

function Carer({ id }) {
  const loaded = useLoad(() => getPerson(id), id);
  const [person, setPerson] = useState(null);
  useEffect(() => setPerson(loaded.data), [loaded.data]);
  if (loaded.loading) return <Loading what="Loading the carer’s record" />;
  if (loaded.error) return <ErrorMessage error={loaded.error} title="The record could not be loaded" />;
  if (!person) return null;
  const carer = person.carer || {};
  const steps = Array.isArray(person.allowed_steps) ? person.allowed_steps : [];
  return (
    <>
      <p class="breadcrumbs">
        <a href={personPath(person.id)}>{fullName(person)}</a>
        {person.cares_for ? (
          <>
            {' '}
            · <a href={personPath(person.cares_for)}>the person cared for</a>
          </>
        ) : null}
      </p>
      <PageTitle title={`Carer’s assessments: ${fullName(person)}`}>Carer’s assessments: {fullName(person)}</PageTitle>
      {!person.cares_for && <p class="notice">This record is not a carer’s: add a carer from the person’s page.</p>}
      <FirstStageResult result={carer.first_stage} />
      {person.cares_for && !carer.first_stage && <FirstStageForm person={person} onDone={setPerson} again={false} />}
      {person.cares_for && carer.first_stage && steps.includes('carer_first_stage') && (
        <details class="again">
          <summary>Record the first stage again (the caring role has changed)</summary>
          <FirstStageForm person={person} onDone={setPerson} again />
        </details>
      )}
      <FullResult result={carer.full_assessment} />
      {carer.first_stage && carer.first_stage.refer_for_full_assessment && !carer.full_assessment && <FullAssessmentForm person={person} onDone={setPerson} />}
    </>
  );
}

function FirstStageResult({ result }) {
  if (!result) return null;
  return (
    <section class="result" aria-labelledby="first-result" data-testid="first-stage-result">
      <h2 id="first-result">First stage: {result.refer_for_full_assessment ? 'referred for a full assessment' : 'universal support'}</h2>
      <p>
        Completed by {result.completed_by === 'partner_organisation' ? 'a partner organisation' : 'the carer'} on {formatDate(result.at)}. Impact score <strong>{result.impact_score}</strong>.
      </p>
      {(result.reasons || []).length > 0 && (
        <ul>
          {result.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {(result.universal_support || []).length > 0 && (
        <>
          <h3>Universal support given</h3>
          <ul data-testid="universal-support">
            {result.universal_support.map((item) => (
              <li key={item}>{String(item).replace(/_/g, ' ')}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function FirstStageForm({ person, onDone, again }) {
  const [values, setValues] = useState({ completed_by: 'carer', hours_caring_per_week: '', ...Object.fromEntries(IMPACTS.map(([key]) => [key, ''])) });
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const issues = issuesByPath(error);
  const set = (name, value) => setValues((previous) => ({ ...previous, [name]: value }));
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = { completed_by: values.completed_by };
    if (values.hours_caring_per_week !== '') body.hours_caring_per_week = Number(values.hours_caring_per_week);
    for (const [key] of IMPACTS) if (values[key] !== '') body[key] = Number(values[key]);
    try {
      onDone(await api.post(`/people/${enc(person.id)}/carers/first-stage`, body));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate class="carer-first-stage">
      <h2>{again ? 'Record the first stage again' : 'First-stage assessment'}</h2>
      <ErrorMessage error={error} title="The first stage was not recorded" />
      <fieldset>
        <legend>Completed by</legend>
        <div class="radios radios--inline">
          {[
            ['carer', 'The carer'],
            ['partner_organisation', 'A partner organisation'],
          ].map(([code, label]) => (
            <div class="radio" key={code}>
              <input type="radio" id={`completed-${code}`} name="completed_by" checked={values.completed_by === code} onChange={() => set('completed_by', code)} />
              <label for={`completed-${code}`}>{label}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <Field id="carer-hours" label="Hours caring a week" errors={issuesFor(issues, 'hours_caring_per_week')}>
        {(props) => <input {...props} class="input--short" inputMode="numeric" value={values.hours_caring_per_week} onInput={(event) => set('hours_caring_per_week', event.currentTarget.value)} />}
      </Field>
      {IMPACTS.map(([key, label]) => {
        const errors = issuesFor(issues, key);
        return (
          <fieldset key={key} class={`question${errors.length ? ' question--error' : ''}`}>
            <legend>{label}</legend>
            {errors.length > 0 && <p class="field-error">{errors.join('; ')}</p>}
            <div class="radios radios--inline">
              {LEVELS.map(([level, text]) => (
                <div class="radio" key={level}>
                  <input type="radio" id={`${key}--${level}`} name={key} checked={values[key] === level} onChange={() => set(key, level)} />
                  <label for={`${key}--${level}`}>{text}</label>
                </div>
              ))}
            </div>
          </fieldset>
        );
      })}
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Recording…' : 'Record the first stage'}
        </button>
      </div>
    </form>
  );
}

function FullResult({ result }) {
  if (!result) return null;
  const amount = result.agreed_annual_pence ?? result.annual_pence;
  return (
    <section class="result" aria-labelledby="full-result" data-testid="carer-budget">
      <h2 id="full-result">Carer’s budget</h2>
      <p class="amount" data-testid="carer-budget-amount">
        {formatPence(amount)}
      </p>
      <p>
        a year, from {result.rulebook_id} version {result.rulebook_version} (indicative {formatPence(result.annual_pence)}){result.reason ? `. Reason: ${result.reason}` : ''}.
      </p>
    </section>
  );
}

function FullAssessmentForm({ person, onDone }) {
  const rulebooks = useRulebooks();
  const carers = (rulebooks.data || []).filter((rulebook) => /carer/i.test(rulebook.id));
  const chosen = carers[0];
  const version = useVersion(chosen && chosen.id, chosen && versionInForce(chosen));
  const [answers, setAnswers] = useState({});
  const [agreed, setAgreed] = useState('');
  const [reason, setReason] = useState('');
  const [score, setScore] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const issues = issuesByPath(error);
  const questions = version.data ? list(version.data.questions) : [];
  const complete = questions.length > 0 && questions.every((question) => answers[question.id] !== undefined);

  useEffect(() => {
    if (!complete) {
      setScore(null);
      return;
    }
    const mine = ++seq.current;
    api.post(`${versionPath(chosen.id, versionInForce(chosen))}/score`, { answers }).then(
      (result) => mine === seq.current && setScore(result),
      () => mine === seq.current && setScore(null),
    );
  }, [complete, JSON.stringify(answers)]);

  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = { rulebook_id: chosen.id, rulebook_version: Number(versionInForce(chosen)), answers };
    if (agreed !== '') {
      const pence = toPence(agreed);
      body.agreed_annual_pence = pence === null ? agreed : pence;
    }
    if (reason.trim()) body.reason = reason.trim();
    try {
      onDone(await api.post(`/people/${enc(person.id)}/carers/full-assessment`, body));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (rulebooks.loading || version.loading) return <Loading what="Loading the carers’ questions" />;
  if (!chosen) return <p class="notice">No carers’ rulebook is published.</p>;
  return (
    <form onSubmit={submit} noValidate id="full" class="carer-full">
      <h2>Full carer’s assessment</h2>
      <p class="small">
        Using {version.data ? version.data.title : chosen.id} (version {versionInForce(chosen)}).
      </p>
      <ErrorMessage error={error} title="The full assessment was not recorded" />
      {questions.map((question) => (
        <Question
          key={question.id}
          question={question}
          value={answers[question.id]}
          onChoose={(questionId, answerId) => setAnswers({ ...answers, [questionId]: answerId })}
          missing={issuesFor(issues, `answers.${question.id}`).length > 0}
        />
      ))}
      <div aria-live="polite" class="carer-live" data-testid="carer-live">
        {score ? <ScoreResult result={score} title="Indicative carer’s budget from these answers" /> : <p class="muted">Answer every question to see the indicative carer’s budget.</p>}
      </div>
      <Field id="carer-agreed" label="Agreed amount a year (£, optional)" hint="Leave empty to agree the indicative amount." errors={issuesFor(issues, 'agreed_annual_pence')}>
        {(props) => <input {...props} class="input--short" inputMode="decimal" value={agreed} onInput={(event) => setAgreed(event.currentTarget.value)} />}
      </Field>
      <Field id="carer-reason" label="Reason (required when the amount differs)" errors={issuesFor(issues, 'reason')}>
        {(props) => <textarea {...props} rows={2} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />}
      </Field>
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Recording…' : 'Agree the carer’s budget'}
        </button>
      </div>
    </form>
  );
}
