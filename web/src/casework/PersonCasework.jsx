// Casework on a person's page: who the case is allocated to (and every
// allocation before), the location the address gazetteer gives, and the case
// notes. Notes are never edited or deleted: a correction is a new note that
// points to the one it corrects, and the corrected note is shown as corrected.
import { useState } from 'preact/hooks';
import { ErrorMessage, Loading } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { issuesByPath, issuesFor } from '../shared/errors.js';
import { Field } from '../shared/forms.jsx';
import { formatDate } from '../shared/format.js';
import { can } from '../shared/permissions.js';
import { useSession } from '../shared/session.js';
import { api, enc } from '../shared/api.js';
import { getAllocations, getLocation, getNotes, writeNote } from './casework.js';

const LABELS = { text: 'Note', corrects: 'The note it corrects' };

// Local time, for when a note was written: "29 Nov 2026, 14:05".
function formatInstant(value) {
  if (!value) return '';
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return formatDate(value);
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return `${formatDate(`${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`)}, ${time}`;
}

export function PersonCasework({ person, onChanged }) {
  const session = useSession();
  if (!can(session, 'notes.read')) return null;
  return (
    <>
      <Allocation person={person} />
      <CaseNotes person={person} mayWrite={can(session, 'notes.write')} onChanged={onChanged} />
      {!person.cares_for && can(session, 'people.write') && <LinkCarer person={person} onChanged={onChanged} />}
    </>
  );
}

// Links an existing person's record as this person's carer (their carer's
// assessments then start on their record).
function LinkCarer({ person, onChanged }) {
  const [text, setText] = useState('');
  const [found, setFound] = useState(null);
  const [error, setError] = useState(null);
  const [linked, setLinked] = useState(null);
  const search = async (event) => {
    event.preventDefault();
    setError(null);
    try {
      const body = await api.get(`/people?q=${enc(text)}&limit=20`);
      setFound((body.people || []).filter((candidate) => candidate.id !== person.id && !candidate.cares_for));
    } catch (caught) {
      setError(caught);
    }
  };
  const link = async (candidate) => {
    setError(null);
    try {
      await api.post(`/people/${enc(candidate.id)}/cares-for`, { cares_for: person.id });
      setLinked(candidate);
      setFound(null);
      if (onChanged) onChanged();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <details class="no-print" data-testid="link-carer">
      <summary>Link an existing person as a carer</summary>
      <form onSubmit={search}>
        <ErrorMessage error={error} title="The carer was not linked" labels={{ cares_for: 'The person cared for' }} />
        {linked && (
          <p class="notice" role="status">
            {linked.given_name} {linked.family_name} is now linked as a carer; their carer’s assessments can start.
          </p>
        )}
        <div class="field field--inline">
          <label for="link-carer-search">Name or NHS number</label>
          <input id="link-carer-search" value={text} onInput={(event) => setText(event.currentTarget.value)} />
          <button type="submit" class="button button--small">
            Find
          </button>
        </div>
        {found && found.length === 0 && <p role="status">Nobody found who could be linked.</p>}
        {found && found.length > 0 && (
          <ul>
            {found.map((candidate) => (
              <li key={candidate.id}>
                {candidate.given_name} {candidate.family_name}
                {candidate.date_of_birth ? `, born ${formatDate(candidate.date_of_birth)}` : ''}{' '}
                <button type="button" class="button button--secondary button--small" onClick={() => link(candidate)}>
                  Link as carer
                </button>
              </li>
            ))}
          </ul>
        )}
      </form>
    </details>
  );
}

function Allocation({ person }) {
  const allocations = useLoad(() => getAllocations(person.id), `allocations-${person.id}-${person.row_version}`);
  const location = useLoad(() => getLocation(person.id), `location-${person.id}-${person.row_version}`);
  const list = allocations.data || [];
  const current = list[list.length - 1];
  return (
    <section aria-labelledby="allocation-heading">
      <h2 id="allocation-heading">Allocation</h2>
      <ErrorMessage error={allocations.error} title="The allocation could not be loaded" />
      {allocations.data && (current ? (
        <p data-testid="allocation">
          Allocated to <strong>{current.worker}</strong>
          {current.team ? ` (${current.team})` : ''} since {formatDate(current.allocated_at)}.
        </p>
      ) : (
        <p class="muted">No case has been opened.</p>
      ))}
      {list.length > 1 && (
        <details>
          <summary>Earlier allocations</summary>
          <ul data-testid="allocation-history">
            {list
              .slice(0, -1)
              .reverse()
              .map((allocation, index) => (
                <li key={`${allocation.allocated_at}-${index}`}>
                  {formatDate(allocation.allocated_at)}: {allocation.worker} ({allocation.team}), by {allocation.allocated_by}
                  {allocation.reason ? ` – ${allocation.reason}` : ''}
                </li>
              ))}
          </ul>
        </details>
      )}
      {location.data && (
        <p class="small muted" data-testid="location">
          Location from the address gazetteer ({location.data.matched === 'address' ? 'address' : 'postcode'}): {location.data.latitude}, {location.data.longitude}
        </p>
      )}
    </section>
  );
}

function CaseNotes({ person, mayWrite, onChanged }) {
  const [tick, setTick] = useState(0);
  const notes = useLoad(() => getNotes(person.id), `notes-${person.id}-${tick}`);
  const [correcting, setCorrecting] = useState(null);
  const list = notes.data ? [...notes.data].reverse() : [];
  const byId = new Map((notes.data || []).map((note) => [note.id, note]));
  return (
    <section aria-labelledby="notes-heading">
      <h2 id="notes-heading">Case notes</h2>
      {notes.loading && !notes.data && <Loading what="Loading the case notes" />}
      <ErrorMessage error={notes.error} title="The case notes could not be loaded" />
      {mayWrite && (
        <NoteForm
          key={correcting ? `correct-${correcting.id}` : 'new'}
          personId={person.id}
          correcting={correcting}
          onCancel={() => setCorrecting(null)}
          onSaved={() => {
            setCorrecting(null);
            setTick((n) => n + 1);
            if (onChanged) onChanged();
          }}
        />
      )}
      {notes.data && list.length === 0 && <p class="muted">No case notes yet.</p>}
      {list.length > 0 && (
        <ol class="case-notes" reversed data-testid="case-notes">
          {list.map((note) => (
            <li key={note.id} id={`note-${note.id}`} data-note={note.id} class={note.corrected_by ? 'case-note case-note--corrected' : 'case-note'}>
              <p class="small muted">
                Note {note.id}, {formatInstant(note.written_at)}, by {note.written_by} ({note.agency})
                {note.corrects ? (
                  <>
                    {' '}
                    – corrects <a href={`#note-${note.corrects}`}>note {note.corrects}</a>
                  </>
                ) : null}
              </p>
              {note.corrected_by ? (
                <p class="tag" data-testid="corrected">
                  Corrected by <a href={`#note-${note.corrected_by}`}>note {note.corrected_by}</a>
                  {byId.get(note.corrected_by) ? ` (${formatInstant(byId.get(note.corrected_by).written_at)})` : ''}
                </p>
              ) : null}
              <p class="case-note__text">{note.text}</p>
              {mayWrite && !note.corrected_by && (
                <button type="button" class="button button--secondary button--small no-print" onClick={() => setCorrecting(note)}>
                  Correct note {note.id}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function NoteForm({ personId, correcting, onCancel, onSaved }) {
  const [text, setText] = useState(correcting ? correcting.text : '');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const issues = issuesByPath(error);
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await writeNote(personId, text, correcting ? correcting.id : null);
      setText('');
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="no-print" onSubmit={submit} data-testid="note-form">
      <ErrorMessage error={error} title="The note was not saved" labels={LABELS} />
      <Field
        id="case-note-text"
        label={correcting ? `Correction to note ${correcting.id}` : 'New case note'}
        hint={correcting ? 'The note stays as written and is shown as corrected; this correction is added after it.' : 'Notes are dated and signed with your name; they cannot be changed later, only corrected.'}
        errors={issuesFor(issues, 'text', 'corrects')}
      >
        {(props) => <textarea {...props} rows={4} value={text} onInput={(event) => setText(event.currentTarget.value)} />}
      </Field>
      <button type="submit" class="button" disabled={busy}>
        {correcting ? 'Save the correction' : 'Add the note'}
      </button>
      {correcting && (
        <>
          {' '}
          <button type="button" class="button button--secondary" onClick={onCancel}>
            Cancel the correction
          </button>
        </>
      )}
    </form>
  );
}
