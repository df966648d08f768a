// Add a person (or a carer, with ?cares_for=ID): every field of the person's
// details, with each problem the API finds shown next to its field.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, enc } from '../../shared/api.js';
import { ErrorMessage, Loading, PageTitle } from '../../shared/components.jsx';
import { useLoad } from '../../shared/data.js';
import { issuesByPath, issuesFor } from '../../shared/errors.js';
import { Field } from '../../shared/forms.jsx';
import { formatDate } from '../../shared/format.js';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { navigate, useLocation } from '../../shared/router.js';
import { CodeSelect, fullName, getPerson, personPath } from '../records.jsx';

export function NewPersonPage() {
  return (
    <RequireAllowed action="people.write" title="Add a person">
      <NewPerson />
    </RequireAllowed>
  );
}

const TEXT = [
  ['given_name', 'Given name', { autoComplete: 'off' }],
  ['family_name', 'Family name', { autoComplete: 'off' }],
];

// Change a person's details: PUT with the row_version read; the old details stay in the timeline.
export function EditPersonPage({ id }) {
  return (
    <RequireAllowed action="people.write" title="Change details">
      <EditPerson id={id} />
    </RequireAllowed>
  );
}

// The details' names in words, for the summary of problems the API finds.
const LABELS = {
  given_name: 'Given name',
  family_name: 'Family name',
  date_of_birth: 'Date of birth',
  nhs_number: 'NHS number',
  address: 'Address',
  postcode: 'Postcode',
  latitude: 'Latitude',
  longitude: 'Longitude',
  primary_support_reason: 'Primary support reason',
  client_group: 'Client group',
  accommodation_status: 'Accommodation status',
  employment_status: 'Employment status',
  has_unpaid_carer: 'Has an unpaid carer',
  locality: 'Locality',
  team: 'Team',
  cares_for: 'The person cared for',
};

const DETAIL_KEYS = ['given_name', 'family_name', 'date_of_birth', 'nhs_number', 'address', 'postcode', 'latitude', 'longitude', 'primary_support_reason', 'client_group', 'accommodation_status', 'employment_status', 'locality', 'team'];

function valuesOf(person) {
  const values = {};
  for (const key of DETAIL_KEYS) values[key] = person[key] === null || person[key] === undefined ? '' : String(person[key]);
  values.has_unpaid_carer = person.has_unpaid_carer === true ? 'yes' : person.has_unpaid_carer === false ? 'no' : '';
  return values;
}

function EditPerson({ id }) {
  const person = useLoad(() => getPerson(id), id);
  if (person.loading) return <Loading what="Loading the record" />;
  if (person.error) return <ErrorMessage error={person.error} title="The record could not be loaded" />;
  return <NewPerson existing={person.data} />;
}

const MATCH_WORDS = {
  nhs_number: 'the same NHS number',
  name_and_date_of_birth: 'the same name and date of birth',
  date_of_birth_and_postcode: 'the same date of birth and postcode',
};

const isDuplicateRefusal = (error) => error && error.status === 409 && Array.isArray(error.candidates) && (error.code === 'possible_duplicate' || error.code === 'duplicate_nhs_number');

// The records Allot already keeps that the details typed may belong to: each can be
// opened; a likely duplicate can be confirmed a different person (kept in the new
// record's history), but an NHS number belongs to one record only.
function DuplicateCandidates({ error, confirmed, onConfirm, busy, adding }) {
  const box = useRef(null);
  useEffect(() => {
    if (box.current) box.current.focus();
  }, [error]);
  const nhs = error.code === 'duplicate_nhs_number';
  const unconfirmed = error.candidates.filter((candidate) => !candidate.matched_on.includes('nhs_number') && !confirmed.includes(candidate.id));
  return (
    <section class="error-summary duplicate-candidates" role="alert" tabIndex={-1} ref={box} aria-labelledby="duplicates-title" data-testid="duplicate-candidates">
      <h2 class="error-summary__title" id="duplicates-title">
        {nhs ? 'This NHS number is already on a record' : 'This may be someone Allot already has a record for'}
      </h2>
      <p>
        {nhs
          ? 'An NHS number belongs to one person’s record. Open the record below, or check the NHS number you typed.'
          : 'Open the record if it is the same person. If it is not, confirm that it is a different person and add the record again.'}
      </p>
      <ul class="duplicate-candidates__list">
        {error.candidates.map((candidate) => {
          const matched = <span class="hint"> ({candidate.matched_on.map((match) => MATCH_WORDS[match] || match).join(' and ')})</span>;
          // A record outside the user's care teams shows only who holds it, so they can ask.
          const holder = candidate.visible === false ? [candidate.team, ...(candidate.held_by || [])].filter(Boolean).join(', ') || 'another team' : '';
          const name = holder ? `The record held by ${holder}` : `${candidate.given_name} ${candidate.family_name}`;
          return (
            <li key={candidate.id} data-testid={`candidate-${candidate.id}`}>
              {holder ? (
                <>A record held by {holder}, whose care team you are not on: ask them, or break glass if you must</>
              ) : (
                <>
                  <a href={candidate.href}>{name}</a>
                  {candidate.date_of_birth && <>, born {formatDate(candidate.date_of_birth)}</>}
                  {candidate.postcode && <>, {candidate.postcode}</>}
                  {candidate.nhs_number && <>, NHS number {candidate.nhs_number.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3')}</>}
                </>
              )}
              {matched}
              {!candidate.matched_on.includes('nhs_number') && adding && (
                <div class="checkbox">
                  <input
                    type="checkbox"
                    id={`different-${candidate.id}`}
                    checked={confirmed.includes(candidate.id)}
                    onChange={(event) => onConfirm(candidate.id, event.currentTarget.checked)}
                  />
                  <label for={`different-${candidate.id}`}>{`${name} is a different person`}</label>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {!nhs && adding && (
        <button type="submit" form="person-form" class="button" disabled={busy || unconfirmed.length > 0} data-testid="add-different-person">
          {busy ? 'Saving…' : 'This is a different person: add the record'}
        </button>
      )}
    </section>
  );
}

function NewPerson({ existing = null }) {
  const { query } = useLocation();
  const caresFor = existing ? (existing.cares_for ? String(existing.cares_for) : null) : query.get('cares_for');
  const caredFor = useLoad(() => (caresFor ? getPerson(caresFor) : Promise.resolve(null)), caresFor || '');
  const [values, setValues] = useState(() => (existing ? valuesOf(existing) : { client_group: caresFor ? 'carer' : '', has_unpaid_carer: '' }));
  const [rowVersion, setRowVersion] = useState(existing ? existing.row_version : null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  // The likely duplicates the user confirmed are a different person.
  const [confirmed, setConfirmed] = useState([]);
  const duplicate = isDuplicateRefusal(error) ? error : null;
  const issues = issuesByPath(error);
  const set = (name) => (value) => setValues((previous) => ({ ...previous, [name]: value }));
  const text = (name) => (props) => <input {...props} name={name} value={values[name] || ''} onInput={(event) => set(name)(event.currentTarget.value)} />;

  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = {};
    for (const [key, value] of Object.entries(values)) {
      if (value === '' || value === undefined) continue;
      body[key] = value;
    }
    if (body.has_unpaid_carer !== undefined) body.has_unpaid_carer = body.has_unpaid_carer === 'yes';
    for (const key of ['latitude', 'longitude']) if (body[key] !== undefined) body[key] = Number(body[key]);
    if (body.nhs_number) body.nhs_number = body.nhs_number.replace(/\s+/g, '');
    if (caresFor) body.cares_for = Number(caresFor);
    if (!existing && confirmed.length > 0) body.different_from = confirmed;
    try {
      const person = existing ? await api.put(`/people/${enc(existing.id)}`, { ...body, row_version: rowVersion }) : await api.post('/people', body);
      navigate(personPath(person.id));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>{existing ? `Change details: ${fullName(existing)}` : caresFor ? 'Add a carer' : 'Add a person'}</PageTitle>
      {error && error.status === 409 && existing && !duplicate && (
        <div class="notice" role="alert" data-testid="details-conflict">
          <p>Someone else changed these details after you opened them. What you typed is still here.</p>
          <button
            type="button"
            class="button button--secondary"
            onClick={async () => {
              try {
                const latest = await getPerson(existing.id);
                setRowVersion(latest.row_version);
                setError(null);
              } catch (caught) {
                setError(caught);
              }
            }}
          >
            Keep my changes and save over theirs
          </button>{' '}
          <a href={personPath(existing.id)}>See their changes on the record</a>
        </div>
      )}
      {caresFor && caredFor.data && (
        <p class="lead">
          A carer for <a href={personPath(caresFor)}>{fullName(caredFor.data)}</a>.
        </p>
      )}
      {duplicate ? (
        <DuplicateCandidates
          error={duplicate}
          confirmed={confirmed}
          busy={busy}
          adding={!existing}
          onConfirm={(id, yes) => setConfirmed((previous) => (yes ? [...previous.filter((other) => other !== id), id] : previous.filter((other) => other !== id)))}
        />
      ) : (
        <ErrorMessage error={error} labels={LABELS} title={existing ? 'The details were not saved' : 'The person could not be added'} />
      )}
      <form id="person-form" onSubmit={submit} noValidate class="person-form">
        <fieldset>
          <legend>Name and date of birth</legend>
          {TEXT.map(([name, label]) => (
            <Field key={name} id={`person-${name}`} label={label} errors={issuesFor(issues, name)}>
              {text(name)}
            </Field>
          ))}
          <Field id="person-date_of_birth" label="Date of birth" errors={issuesFor(issues, 'date_of_birth')}>
            {(props) => <input {...props} type="date" value={values.date_of_birth || ''} onInput={(event) => set('date_of_birth')(event.currentTarget.value)} />}
          </Field>
          <Field id="person-nhs_number" label="NHS number (optional)" hint="Ten digits, for example 943 476 5919." errors={issuesFor(issues, 'nhs_number')}>
            {(props) => <input {...props} class="input--short" inputMode="numeric" value={values.nhs_number || ''} onInput={(event) => set('nhs_number')(event.currentTarget.value)} />}
          </Field>
        </fieldset>
        <fieldset>
          <legend>Address</legend>
          <Field id="person-address" label="Address (optional)" errors={issuesFor(issues, 'address')}>
            {(props) => <textarea {...props} rows={3} value={values.address || ''} onInput={(event) => set('address')(event.currentTarget.value)} />}
          </Field>
          <Field id="person-postcode" label="Postcode (optional)" errors={issuesFor(issues, 'postcode')}>
            {(props) => <input {...props} class="input--short" value={values.postcode || ''} onInput={(event) => set('postcode')(event.currentTarget.value)} />}
          </Field>
          {/* The location comes from the council's address gazetteer (GET /people/{id}/location); a record's stored coordinates are kept unchanged. */}
          <p class="hint">The person’s location comes from their postcode and address in the council’s address gazetteer.</p>
        </fieldset>
        <fieldset>
          <legend>Support and circumstances (Client Level Data)</legend>
          {[
            ['primary_support_reason', 'Primary support reason'],
            ['client_group', 'Client group'],
            ['accommodation_status', 'Accommodation status (optional)'],
            ['employment_status', 'Employment status (optional)'],
          ].map(([name, label]) => (
            <Field key={name} id={`person-${name}`} label={label} errors={issuesFor(issues, name)}>
              {(props) => <CodeSelect {...props} list={name} value={values[name]} onChange={set(name)} />}
            </Field>
          ))}
          <Field id="person-has_unpaid_carer" label="Has an unpaid carer? (optional)" errors={issuesFor(issues, 'has_unpaid_carer')}>
            {(props) => (
              <CodeSelect
                {...props}
                options={[
                  { code: 'yes', label: 'Yes' },
                  { code: 'no', label: 'No' },
                ]}
                blank="Not known"
                value={values.has_unpaid_carer}
                onChange={set('has_unpaid_carer')}
              />
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>Where the case is held</legend>
          <Field id="person-locality" label="Locality" errors={issuesFor(issues, 'locality')}>
            {text('locality')}
          </Field>
          <Field id="person-team" label="Team" errors={issuesFor(issues, 'team')}>
            {text('team')}
          </Field>
        </fieldset>
        {issuesFor(issues, 'cares_for').length > 0 && <p class="field-error">{issuesFor(issues, 'cares_for').join('; ')}</p>}
        <div class="actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? 'Saving…' : existing ? 'Save the details' : caresFor ? 'Add the carer' : 'Add the person'}
          </button>
        </div>
      </form>
    </>
  );
}
