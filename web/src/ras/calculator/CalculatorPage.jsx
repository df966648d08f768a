// The public calculator: answer the published questions and see the indicative
// budget with its range and the derivation, as scored by the server.
import { useRef, useState, useEffect } from 'preact/hooks';
import { api, versionPath } from '../../shared/api.js';
import { ErrorMessage, PageTitle } from '../../shared/components.jsx';
import { formatPence } from '../../shared/format.js';
import { Question } from '../../shared/forms.jsx';
import { initialAnswers, list, questionsByDomain } from '../../shared/rulebook.js';
import { ScoreResult } from '../../shared/ScoreResult.jsx';
import { IndicativeNotice, PublishedRulebookChooser, usePublishedRulebook } from './RulebookPicker.jsx';

export function CalculatorPage() {
  const published = usePublishedRulebook();
  const { id, version, doc } = published;
  return (
    <>
      <PageTitle>Work out an indicative budget</PageTitle>
      <p class="lead">Answer the questions about the help you need. You will see an indicative budget for a year and a week, and how it was worked out.</p>
      <IndicativeNotice />
      <PublishedRulebookChooser published={published} path="/calculator" loadingWhat="Loading the questions" />
      {doc.data && (
        <>
          <p class="small">
            Using {doc.data.title || id} (version {version}).{' '}
            <a href={`/criteria?rulebook=${encodeURIComponent(id)}&version=${encodeURIComponent(version)}`}>Read the published criteria</a>.
          </p>
          <Calculator key={`${id}@${version}`} doc={doc.data} id={id} version={version} />
        </>
      )}
    </>
  );
}

function Calculator({ doc, id, version }) {
  const questions = list(doc.questions);
  const groups = questionsByDomain(doc);
  const [answers, setAnswers] = useState(() => initialAnswers(doc));
  const [mode, setMode] = useState('grouped');
  const [step, setStep] = useState(0);
  const [missing, setMissing] = useState([]);
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const resultHeading = useRef(null);
  const summary = useRef(null);

  useEffect(() => {
    if (result && resultHeading.current) resultHeading.current.focus();
  }, [result]);
  useEffect(() => {
    if (missing.length && summary.current) summary.current.focus();
  }, [missing]);
  // Moving to another question puts focus on its chosen (or first) answer, so a
  // screen reader reads the new question and the keyboard is ready to answer.
  const stepMoved = useRef(false);
  useEffect(() => {
    if (!stepMoved.current || mode !== 'steps') return;
    stepMoved.current = false;
    const group = questions[step] ? `q-${questions[step].id}` : '';
    const target = document.querySelector(`input[name="${group}"]:checked`) || document.querySelector(`input[name="${group}"]`);
    if (target) target.focus();
  }, [step]);

  const choose = (questionId, answerId) => {
    setAnswers((previous) => ({ ...previous, [questionId]: answerId }));
    setMissing((previous) => previous.filter((missingId) => missingId !== questionId));
    setResult(null);
  };

  const submit = async (event) => {
    if (event) event.preventDefault();
    const unanswered = questions.filter((question) => answers[question.id] === undefined).map((question) => question.id);
    setMissing(unanswered);
    setError(null);
    if (unanswered.length) return;
    setBusy(true);
    try {
      setResult(await api.post(`${versionPath(id, version)}/score`, { answers }));
    } catch (caught) {
      setResult(null);
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const startAgain = () => {
    setAnswers(initialAnswers(doc));
    setResult(null);
    setMissing([]);
    setError(null);
    setStep(0);
  };

  const questionText = (questionId) => questions.find((question) => question.id === questionId)?.text || questionId;

  const current = questions[Math.min(step, questions.length - 1)];
  const stepForward = () => {
    if (answers[current.id] === undefined) {
      setMissing([current.id]);
      return;
    }
    setMissing([]);
    if (step < questions.length - 1) {
      stepMoved.current = true;
      setStep(step + 1);
    } else submit();
  };

  const submitStep = (event) => {
    event.preventDefault();
    stepForward();
  };
  const stepBack = () => {
    stepMoved.current = true;
    setMissing([]);
    setStep(step - 1);
  };

  return (
    <>
      <fieldset class="mode">
        <legend>How would you like to answer?</legend>
        <div class="radios radios--inline">
          <div class="radio">
            <input type="radio" id="mode-grouped" name="mode" checked={mode === 'grouped'} onChange={() => setMode('grouped')} />
            <label for="mode-grouped">All questions on one page</label>
          </div>
          <div class="radio">
            <input type="radio" id="mode-steps" name="mode" checked={mode === 'steps'} onChange={() => setMode('steps')} />
            <label for="mode-steps">One question at a time</label>
          </div>
        </div>
      </fieldset>

      {missing.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <h2 class="error-summary__title">Please answer {missing.length === 1 ? 'this question' : `these ${missing.length} questions`}</h2>
          <ul>
            {missing.map((questionId) => (
              <li key={questionId}>
                <a
                  href={`#q-${questionId}`}
                  onClick={(event) => {
                    // Go to the question and put focus on its first answer, ready to choose.
                    event.preventDefault();
                    if (mode === 'steps') setStep(questions.findIndex((question) => question.id === questionId));
                    setTimeout(() => {
                      const first = document.querySelector(`input[name="q-${questionId}"]`);
                      if (first) {
                        first.scrollIntoView({ block: 'center' });
                        first.focus();
                      }
                    }, 0);
                  }}
                >
                  {questionText(questionId)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <form class="calculator" onSubmit={mode === 'grouped' ? submit : submitStep} noValidate>
        {mode === 'grouped' ? (
          <>
            {groups.map((group) => (
              <section class="domain" key={group.domain}>
                <h2>{group.domain}</h2>
                {group.questions.map((question) => (
                  <Question key={question.id} question={question} value={answers[question.id]} onChoose={choose} missing={missing.includes(question.id)} />
                ))}
              </section>
            ))}
            <div class="actions">
              <button type="submit" class="button" disabled={busy}>
                {busy ? 'Working it out…' : 'Work out my indicative budget'}
              </button>
              <button type="button" class="button button--secondary" onClick={startAgain}>
                Start again
              </button>
            </div>
          </>
        ) : (
          current && (
            <>
              <p class="step-count">
                Question {step + 1} of {questions.length}
                {current.domain ? ` · ${current.domain}` : ''}
              </p>
              <progress class="step-progress" max={questions.length} value={step + 1} aria-label="Questions answered" />
              <Question key={current.id} question={current} value={answers[current.id]} onChoose={choose} missing={missing.includes(current.id)} />
              <div class="actions">
                {step > 0 && (
                  <button type="button" class="button button--secondary" onClick={stepBack}>
                    Previous question
                  </button>
                )}
                <button type="submit" class="button" disabled={busy}>
                  {step < questions.length - 1 ? 'Next question' : busy ? 'Working it out…' : 'Work out my indicative budget'}
                </button>
              </div>
            </>
          )
        )}
      </form>

      <ErrorMessage error={error} title="The budget could not be worked out" />

      <div aria-live="polite" aria-atomic="true" class="visually-hidden" id="result-announcement">
        {result ? `Your indicative budget is ${formatPence(result.annual_pence)} a year, about ${formatPence(result.weekly_pence)} a week.` : ''}
      </div>

      {result && <ScoreResult result={result} headingRef={resultHeading} onStartAgain={startAgain} />}
    </>
  );
}
