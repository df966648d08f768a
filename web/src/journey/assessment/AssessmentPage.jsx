// The needs assessment: the rulebook's questions (the calculator's components),
// Care Act eligibility, a joint assessment's professions, and the indicative
// budget with its derivation worked out live by the public score endpoint as the
// answers change. The draft is saved as the user types.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, enc, versionPath } from '../../shared/api.js';
import { ErrorMessage, Loading, PageTitle } from '../../shared/components.jsx';
import { useLoad, useRulebooks, useVersion, versionInForce } from '../../shared/data.js';
import { issuesByPath, issuesFor } from '../../shared/errors.js';
import { formatPence, toPence } from '../../shared/format.js';
import { Field, Question } from '../../shared/forms.jsx';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { navigate } from '../../shared/router.js';
import { list, questionsByDomain } from '../../shared/rulebook.js';
import { ScoreResult } from '../../shared/ScoreResult.jsx';
import { DraftStatus, useDraft } from '../drafts.jsx';
import { fullName, getPerson, personPath, stageLabel } from '../records.jsx';

export const CARE_ACT_OUTCOMES = [
  ['nutrition', 'Managing and maintaining nutrition'],
  ['personal_hygiene', 'Maintaining personal hygiene'],
  ['toilet_needs', 'Managing toilet needs'],
  ['clothing', 'Being appropriately clothed'],
  ['home_safety', 'Being able to make use of the home safely'],
  ['habitable_home', 'Maintaining a habitable home environment'],
  ['relationships', 'Developing and maintaining family or other personal relationships'],
  ['work_training_education_volunteering', 'Accessing and engaging in work, training, education or volunteering'],
  ['community_facilities', 'Making use of necessary facilities or services in the local community'],
  ['caring_for_child', 'Carrying out any caring responsibilities for a child'],
];
export const INABILITIES = [
  ['cannot_without_assistance', 'Cannot achieve it without assistance'],
  ['significant_pain_distress_or_anxiety', 'Achieves it but with significant pain, distress or anxiety'],
  ['endangers_health_or_safety', 'Achieving it endangers their or others’ health or safety'],
  ['takes_significantly_longer', 'Takes significantly longer than would normally be expected'],
];
const PROFESSIONS = [
  ['social_worker', 'Social worker'],
  ['occupational_therapist', 'Occupational therapist'],
  ['community_nurse', 'Community nurse'],
  ['mental_health_nurse', 'Mental health nurse'],
  ['physiotherapist', 'Physiotherapist'],
  ['learning_disability_nurse', 'Learning disability nurse'],
  ['housing_officer', 'Housing officer'],
];

export function AssessmentPage({ id }) {
  return (
    <RequireAllowed action="people.write" title="Needs assessment">
      <Assessment id={id} />
    </RequireAllowed>
  );
}

function Assessment({ id }) {
  const person = useLoad(() => getPerson(id), id);
  const rulebooks = useRulebooks();
  const draft = useDraft(id, 'assessment');
  if (person.loading || rulebooks.loading || draft.status === 'loading') return <Loading what="Loading the assessment" />;
  if (person.error) return <ErrorMessage error={person.error} title="The record could not be loaded" />;
  if (rulebooks.error) return <ErrorMessage error={rulebooks.error} title="The rulebooks could not be loaded" />;
  const usable = (rulebooks.data || []).filter((rulebook) => !/carer/i.test(rulebook.id));
  return <AssessmentForm person={person.data} rulebooks={usable} draft={draft} />;
}

function blankDocument(rulebooks) {
  const first = rulebooks[0];
  return {
    rulebook_id: first ? first.id : '',
    rulebook_version: first ? versionInForce(first) : 1,
    answers: {},
    framework: 'care_act',
    band: '',
    needs_from_impairment_or_illness: false,
    outcomes: {},
    significant_impact_on_wellbeing: false,
    joint: false,
    professions: [],
    previous_package: '',
    reason: '',
  };
}

function AssessmentForm({ person, rulebooks, draft }) {
  const [doc, setDoc] = useState(() => ({ ...blankDocument(rulebooks), ...(draft.initial && draft.initial.document ? draft.initial.document : {}) }));
  const version = useVersion(doc.rulebook_id, doc.rulebook_version);
  const [score, setScore] = useState({ result: null, error: null, busy: false });
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const issues = issuesByPath(error);
  const scoreSeq = useRef(0);

  const update = (patch) => {
    setDoc((previous) => {
      const next = { ...previous, ...patch };
      draft.change(next);
      return next;
    });
  };

  const questions = version.data ? list(version.data.questions) : [];
  const unanswered = questions.filter((question) => doc.answers[question.id] === undefined);

  // The live indicative budget: scored again whenever the answers change.
  useEffect(() => {
    if (!version.data || questions.length === 0 || unanswered.length > 0) {
      setScore({ result: null, error: null, busy: false });
      return undefined;
    }
    const seq = ++scoreSeq.current;
    setScore((previous) => ({ ...previous, busy: true }));
    const timer = setTimeout(() => {
      api.post(`${versionPath(doc.rulebook_id, doc.rulebook_version)}/score`, { answers: doc.answers }).then(
        (result) => seq === scoreSeq.current && setScore({ result, error: null, busy: false }),
        (caught) => seq === scoreSeq.current && setScore({ result: null, error: caught, busy: false }),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [version.data, JSON.stringify(doc.answers)]);

  const chooseRulebook = (value) => {
    const rulebook = rulebooks.find((candidate) => candidate.id === value);
    if (rulebook) update({ rulebook_id: rulebook.id, rulebook_version: versionInForce(rulebook), answers: {} });
  };
  const toggleInability = (outcome, inability, on) => {
    const current = new Set(doc.outcomes[outcome] || []);
    if (on) current.add(inability);
    else current.delete(inability);
    const outcomes = { ...doc.outcomes, [outcome]: [...current] };
    if (outcomes[outcome].length === 0) delete outcomes[outcome];
    update({ outcomes });
  };
  const toggleProfession = (code, on) => {
    const current = new Set(doc.professions);
    if (on) current.add(code);
    else current.delete(code);
    update({ professions: PROFESSIONS.map(([value]) => value).filter((value) => current.has(value)) });
  };

  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const eligibility =
      doc.framework === 'banded'
        ? { framework: 'banded', band: doc.band }
        : {
            framework: 'care_act',
            needs_from_impairment_or_illness: !!doc.needs_from_impairment_or_illness,
            outcomes: doc.outcomes,
            significant_impact_on_wellbeing: !!doc.significant_impact_on_wellbeing,
          };
    const body = {
      rulebook_id: doc.rulebook_id,
      rulebook_version: Number(doc.rulebook_version),
      answers: doc.answers,
      eligibility,
      joint: !!doc.joint,
      professions: doc.professions,
    };
    if (doc.previous_package !== '') {
      const pence = toPence(doc.previous_package);
      body.previous_package_annual_pence = pence === null ? doc.previous_package : pence;
    }
    if (doc.reason) body.reason = doc.reason;
    draft.pause();
    try {
      await api.post(`/people/${enc(person.id)}/steps/assess`, body);
      draft.finished();
      navigate(personPath(person.id));
    } catch (caught) {
      draft.change(doc);
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const allowed = Array.isArray(person.allowed_steps) && person.allowed_steps.includes('assess');
  return (
    <>
      <p class="breadcrumbs">
        <a href={personPath(person.id)}>{fullName(person)}</a>
      </p>
      <PageTitle title={`Needs assessment: ${fullName(person)}`}>Needs assessment: {fullName(person)}</PageTitle>
      {!allowed && (
        <p class="notice">
          The record is at the stage “{stageLabel(person.stage)}”, where an assessment cannot be completed. You can still type; the draft is kept.
        </p>
      )}
      {draft.initial && draft.initial.restored && <p class="notice">What you typed earlier and had not been saved was kept in this browser and is back on this page.</p>}
      <DraftStatus
        draft={draft}
        current={doc}
        onTheirs={(theirs) => setDoc({ ...blankDocument(rulebooks), ...(theirs || {}) })}
        onRestore={update}
        restoreLabel="Put my answers back"
      />
      <ErrorMessage error={error} title="The assessment was not recorded" />
      <div class="assessment-layout">
        <form class="assessment" onSubmit={submit} noValidate>
          <Field id="assess-rulebook" label="Rulebook (resource allocation system)" errors={issuesFor(issues, 'rulebook_id', 'rulebook_version')}>
            {(props) => (
              <select {...props} value={doc.rulebook_id} onChange={(event) => chooseRulebook(event.currentTarget.value)}>
                {rulebooks.map((rulebook) => (
                  <option key={rulebook.id} value={rulebook.id}>
                    {rulebook.title || rulebook.id}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <p class="small" data-testid="assess-version" data-version={doc.rulebook_version}>
            Version {doc.rulebook_version} (the version in force), scored as the person answers.
          </p>
          {version.loading && <Loading what="Loading the questions" />}
          <ErrorMessage error={version.error} title="The questions could not be loaded" />
          {issuesFor(issues, 'answers').length > 0 && <p class="field-error">{issuesFor(issues, 'answers').join('; ')}</p>}
          {version.data &&
            questionsByDomain(version.data).map((group) => (
              <section class="domain" key={group.domain}>
                <h2>{group.domain}</h2>
                {group.questions.map((question) => (
                  <Question
                    key={question.id}
                    question={question}
                    value={doc.answers[question.id]}
                    onChoose={(questionId, answerId) => update({ answers: { ...doc.answers, [questionId]: answerId } })}
                    missing={issuesFor(issues, `answers.${question.id}`).length > 0}
                  />
                ))}
              </section>
            ))}

          <section class="domain" aria-labelledby="eligibility-heading">
            <h2 id="eligibility-heading">Eligibility</h2>
            <fieldset>
              <legend>Which eligibility criteria apply?</legend>
              <div class="radios radios--inline">
                {[
                  ['care_act', 'Care Act 2014 (adults)'],
                  ['banded', 'Banded threshold'],
                ].map(([code, label]) => (
                  <div class="radio" key={code}>
                    <input type="radio" id={`framework-${code}`} name="framework" checked={doc.framework === code} onChange={() => update({ framework: code })} />
                    <label for={`framework-${code}`}>{label}</label>
                  </div>
                ))}
              </div>
            </fieldset>
            {issuesFor(issues, 'eligibility').length > 0 && <p class="field-error">{issuesFor(issues, 'eligibility').join('; ')}</p>}
            {doc.framework === 'banded' ? (
              <Field id="assess-band" label="Band of need" hint="The threshold is substantial.">
                {(props) => (
                  <select {...props} value={doc.band} onChange={(event) => update({ band: event.currentTarget.value })}>
                    <option value="">Choose…</option>
                    {['low', 'moderate', 'substantial', 'critical'].map((band) => (
                      <option key={band} value={band}>
                        {band}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : (
              <>
                <div class="checkbox">
                  <input
                    type="checkbox"
                    id="needs-impairment"
                    checked={!!doc.needs_from_impairment_or_illness}
                    onChange={(event) => update({ needs_from_impairment_or_illness: event.currentTarget.checked })}
                  />
                  <label for="needs-impairment">The needs arise from or are related to a physical or mental impairment or illness</label>
                </div>
                <p class="hint">For each outcome the person is unable to achieve, tick every way in which they are unable to achieve it.</p>
                {CARE_ACT_OUTCOMES.map(([outcome, label]) => (
                  <fieldset class="outcome" key={outcome} id={`outcome-${outcome}`}>
                    <legend>{label}</legend>
                    <div class="checkboxes">
                      {INABILITIES.map(([inability, text]) => {
                        const inputId = `outcome-${outcome}--${inability}`;
                        return (
                          <div class="checkbox" key={inability}>
                            <input
                              type="checkbox"
                              id={inputId}
                              checked={(doc.outcomes[outcome] || []).includes(inability)}
                              onChange={(event) => toggleInability(outcome, inability, event.currentTarget.checked)}
                            />
                            <label for={inputId}>{text}</label>
                          </div>
                        );
                      })}
                    </div>
                  </fieldset>
                ))}
                <div class="checkbox">
                  <input
                    type="checkbox"
                    id="significant-impact"
                    checked={!!doc.significant_impact_on_wellbeing}
                    onChange={(event) => update({ significant_impact_on_wellbeing: event.currentTarget.checked })}
                  />
                  <label for="significant-impact">As a consequence there is, or is likely to be, a significant impact on the person’s wellbeing</label>
                </div>
              </>
            )}
          </section>

          <section class="domain" aria-labelledby="joint-heading">
            <h2 id="joint-heading">Joint assessment</h2>
            <div class="checkbox">
              <input type="checkbox" id="assess-joint" checked={!!doc.joint} onChange={(event) => update({ joint: event.currentTarget.checked })} />
              <label for="assess-joint">Assessed jointly with health (the person tells their story once)</label>
            </div>
            {doc.joint && (
              <fieldset aria-describedby={issuesFor(issues, 'professions').length ? 'professions-error' : undefined}>
                <legend>Professions taking part</legend>
                {issuesFor(issues, 'professions').length > 0 && (
                  <p class="field-error" id="professions-error">
                    {issuesFor(issues, 'professions').join('; ')}
                  </p>
                )}
                {PROFESSIONS.map(([code, label]) => (
                  <div class="checkbox" key={code}>
                    <input type="checkbox" id={`profession-${code}`} checked={doc.professions.includes(code)} onChange={(event) => toggleProfession(code, event.currentTarget.checked)} />
                    <label for={`profession-${code}`}>{label}</label>
                  </div>
                ))}
              </fieldset>
            )}
            <Field
              id="assess-previous"
              label="Previous package a year (£, optional)"
              hint="For transitional protection when the new budget is lower."
              errors={issuesFor(issues, 'previous_package_annual_pence')}
            >
              {(props) => <input {...props} class="input--short" inputMode="decimal" value={doc.previous_package} onInput={(event) => update({ previous_package: event.currentTarget.value })} />}
            </Field>
            <Field id="assess-reason" label="Notes (optional)" errors={issuesFor(issues, 'reason')}>
              {(props) => <textarea {...props} rows={3} value={doc.reason} onInput={(event) => update({ reason: event.currentTarget.value })} />}
            </Field>
          </section>
          <div class="actions">
            <button type="submit" class="button" disabled={busy}>
              {busy ? 'Recording…' : 'Complete the assessment'}
            </button>
          </div>
        </form>
        <p class="live-compact" aria-hidden="true">
          <a href="#live-heading" tabIndex={-1}>
            Indicative budget: {score.result ? `${formatPence(score.result.annual_pence)} a year` : unanswered.length ? `${unanswered.length} to answer` : 'working it out…'}
          </a>
        </p>
        <aside class="live-budget" aria-labelledby="live-heading" data-testid="live-budget">
          <h2 id="live-heading">Indicative budget</h2>
          <div aria-live="polite" aria-atomic="true" class="visually-hidden">
            {score.result ? `Indicative budget ${formatPence(score.result.annual_pence)} a year.` : ''}
          </div>
          {unanswered.length > 0 && (
            <p class="muted" data-testid="unanswered">
              Answer {unanswered.length === 1 ? 'one more question' : `${unanswered.length} more questions`} to see the indicative budget.
            </p>
          )}
          {score.busy && !score.result && <p class="muted">Working it out…</p>}
          <ErrorMessage error={score.error} title="The budget could not be worked out" />
          {score.result && <ScoreResult result={score.result} title="From these answers" />}
        </aside>
      </div>
    </>
  );
}
