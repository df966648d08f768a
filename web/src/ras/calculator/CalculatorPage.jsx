// The public calculator: answer the published questions and see the indicative
// budget with its range and the derivation, as scored by the server.
import { useRef, useState, useEffect } from 'preact/hooks';
import { api, versionPath } from '../../shared/api.js';
import { ErrorMessage, PageTitle } from '../../shared/components.jsx';
import { navigate, useLocation } from '../../shared/router.js';
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

// The answers so far, kept in this tab's session storage so a reload keeps them
// (and closing the tab forgets them: nothing about the person stays behind).
const answersKey = (id, version) => `allot-calculator:${id}@${version}`;
function savedAnswers(doc, id, version) {
  try {
    const saved = JSON.parse(sessionStorage.getItem(answersKey(id, version)) || 'null');
    if (saved && typeof saved === 'object') {
      const known = new Map(list(doc.questions).map((question) => [question.id, new Set(list(question.answers).map((answer) => answer.id))]));
      const kept = Object.fromEntries(Object.entries(saved).filter(([questionId, answerId]) => known.has(questionId) && known.get(questionId).has(answerId)));
      return { ...initialAnswers(doc), ...kept };
    }
  } catch {
    // storage unavailable or unreadable: start with the defaults
  }
  return initialAnswers(doc);
}

// The address with `patch` applied to its query, keeping the rulebook chosen.
function withQuery(patch) {
  const query = new URLSearchParams(location.search);
  for (const [name, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === '') query.delete(name);
    else query.set(name, String(value));
  }
  const search = query.toString();
  return `${location.pathname}${search ? `?${search}` : ''}`;
}

function Calculator({ doc, id, version }) {
  const questions = list(doc.questions);
  const groups = questionsByDomain(doc);
  const [answers, setAnswers] = useState(() => savedAnswers(doc, id, version));
  // One question at a time keeps the question in the address (?mode=steps&question=3),
  // each question a history entry: the browser's Back goes back a question.
  const { query } = useLocation();
  const mode = query.get('mode') === 'steps' ? 'steps' : 'grouped';
  const asked = Number(query.get('question'));
  const step = Number.isInteger(asked) && asked >= 1 && asked <= questions.length ? asked - 1 : 0;
  const setMode = (next) => navigate(withQuery({ mode: next === 'steps' ? 'steps' : '', question: '' }), { replace: true });
  const setStep = (index, { replace = false } = {}) => {
    const from = step;
    navigate(withQuery({ question: index + 1 }), { replace });
    // Marks the entry so "Previous question" can be the browser's Back.
    if (!replace) history.replaceState({ calculatorStep: index, from }, '', location.href);
  };
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
  useEffect(() => {
    try {
      sessionStorage.setItem(answersKey(id, version), JSON.stringify(answers));
    } catch {
      // storage unavailable: the answers stay on the page only
    }
  }, [answers]);
  // Moving to another question (forward, back, or the browser's Back) puts focus
  // on its chosen (or first) answer, so a screen reader reads the new question
  // and the keyboard is ready to answer.
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step || mode !== 'steps') return;
    shownStep.current = step;
    setMissing([]);
    const group = questions[step] ? `q-${questions[step].id}` : '';
    const target = document.querySelector(`input[name="${group}"]:checked`) || document.querySelector(`input[name="${group}"]`);
    if (target) target.focus();
  }, [step, mode]);

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
    if (mode === 'steps' && step > 0) setStep(0);
  };

  const questionText = (questionId) => questions.find((question) => question.id === questionId)?.text || questionId;

  const current = questions[Math.min(step, questions.length - 1)];
  const stepForward = () => {
    if (answers[current.id] === undefined) {
      setMissing([current.id]);
      return;
    }
    setMissing([]);
    if (step < questions.length - 1) setStep(step + 1);
    else submit();
  };

  const submitStep = (event) => {
    event.preventDefault();
    stepForward();
  };
  // "Previous question" is the browser's Back when the last step came from here.
  const stepBack = () => {
    setMissing([]);
    if (history.state && history.state.calculatorStep === step && history.state.from === step - 1) history.back();
    else setStep(step - 1, { replace: true });
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
                    if (mode === 'steps') setStep(questions.findIndex((question) => question.id === questionId), { replace: true });
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
