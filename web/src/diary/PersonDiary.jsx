// The shared support diary on a person's page: a week of entries from every
// agency on the person's care (visits from their care package, reviews and
// enablement from their journey, and entries each partner adds), colour-coded by
// kind of agency with a legend in words; an entry's history; adding an entry;
// marking one's own agency's entries done or cancelling them with a reason.
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage, Loading } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { issuesByPath, issuesFor } from '../shared/errors.js';
import { Field } from '../shared/forms.jsx';
import { formatDate, todayIso } from '../shared/format.js';
import { can } from '../shared/permissions.js';
import { useSession } from '../shared/session.js';
import {
  AGENCY_KINDS,
  KINDS,
  addDays,
  addEntry,
  agencyClass,
  agencyKindText,
  byDay,
  cancelEntry,
  changeEntry,
  fromText,
  getDiary,
  getHistory,
  kindText,
  longDay,
  mondayOf,
  statusText,
  timeText,
  weekDays,
} from './diary.js';

// The API's field names in plain words, for error messages.
export const LABELS = {
  kind: 'Kind of entry',
  date: 'Date',
  start: 'Start time',
  end: 'End time',
  where: 'Where',
  title: 'Title',
  details: 'Details',
  status: 'Status',
  reason: 'Reason for cancelling',
  version: 'Version',
};

export function PersonDiary({ person }) {
  const session = useSession();
  if (!can(session, 'diary.read')) return null;
  return <Diary person={person} mayWrite={can(session, 'diary.write')} agency={session.user && session.user.agency ? session.user.agency.id : ''} />;
}

// `onPerson` hears whose diary it is (the name the diary read gives).
export function Diary({ person, mayWrite, agency, onPerson }) {
  const [monday, setMonday] = useState(() => mondayOf(todayIso()));
  const [tick, setTick] = useState(0);
  const sunday = addDays(monday, 6);
  const loaded = useLoad(() => getDiary(person.id, monday, sunday), `diary-${person.id}-${monday}-${tick}`);
  const days = byDay(loaded.data ? loaded.data.entries : []);
  const reload = () => setTick((n) => n + 1);
  useEffect(() => {
    if (onPerson && loaded.data && loaded.data.person) onPerson(loaded.data.person);
  }, [loaded.data]);
  return (
    <section aria-labelledby="diary-heading" data-testid="diary">
      <h2 id="diary-heading">Support diary</h2>
      <p class="hint">Everyone on this person’s care sees these entries as soon as they are added. Changes are signed and kept.</p>
      <div class="diary-week-nav no-print">
        <button type="button" class="button button--secondary button--small" onClick={() => setMonday(addDays(monday, -7))}>
          Previous week
        </button>
        <button type="button" class="button button--secondary button--small" onClick={() => setMonday(mondayOf(todayIso()))}>
          This week
        </button>
        <button type="button" class="button button--secondary button--small" onClick={() => setMonday(addDays(monday, 7))}>
          Next week
        </button>
        <a href={`/people/${person.id}/diary/print?from=${monday}`} data-testid="diary-print-link">
          Printable week for {person.given_name || 'the person'}
        </a>
      </div>
      <h3 data-testid="diary-week" aria-live="polite">
        Week of {formatDate(monday)} to {formatDate(sunday)}
      </h3>
      <Legend />
      {loaded.loading && <Loading what="Loading the diary" />}
      <ErrorMessage error={loaded.error} title="The diary could not be loaded" labels={{ from: 'From', to: 'To' }} />
      {loaded.data && (
        <ol class="diary-week" data-testid="diary-days">
          {weekDays(monday).map((day) => (
            <li key={day} class="diary-day" data-day={day}>
              <h4>{longDay(day)}</h4>
              {(days.get(day) || []).length === 0 ? (
                <p class="muted small">Nothing in the diary.</p>
              ) : (
                <ul class="diary-entries">
                  {days.get(day).map((entry, index) => (
                    <Entry
                      key={entry.id ? `e${entry.id}` : `${entry.source}-${entry.source_id}-${index}`}
                      personId={person.id}
                      entry={entry}
                      mayChange={mayWrite && entry.id && entry.from && entry.from.agency === agency && entry.status !== 'cancelled'}
                      onChanged={reload}
                    />
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {mayWrite && <EntryForm personId={person.id} defaultDate={monday <= todayIso() && todayIso() <= sunday ? todayIso() : monday} onAdded={reload} />}
    </section>
  );
}

export function Legend() {
  return (
    <ul class="diary-legend" aria-label="Colours by kind of agency" data-testid="diary-legend">
      {Object.keys(AGENCY_KINDS).map((kind) => (
        <li key={kind} class={agencyClass(kind)}>
          {agencyKindText(kind)}
        </li>
      ))}
    </ul>
  );
}

function Entry({ personId, entry, mayChange, onChanged }) {
  const [showHistory, setShowHistory] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState(null);
  const kindOfAgency = entry.from ? entry.from.kind : null;
  const markDone = async () => {
    setError(null);
    try {
      await changeEntry(personId, entry.id, { version: entry.version, status: entry.status === 'done' ? 'planned' : 'done' });
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <li class={`diary-entry ${agencyClass(kindOfAgency)}${entry.status === 'cancelled' ? ' diary-entry--cancelled' : ''}`} data-entry={entry.id || ''} data-testid="diary-entry">
      <p>
        <span class="diary-entry__time">{timeText(entry)}</span> · <span class="diary-entry__kind">{kindText(entry.kind)}</span> ·{' '}
        <span class="diary-entry__title">{entry.title}</span>
        {entry.where ? <> · {entry.where}</> : null}
      </p>
      <p class="small">
        From <strong data-testid="diary-entry-from">{fromText(entry)}</strong> ({agencyKindText(kindOfAgency)})
        {entry.source !== 'diary' ? ' · from their records, changed there' : ''} · {statusText(entry.status)}
        {entry.version > 1 ? ` · changed by ${entry.changed_by}` : ''}
      </p>
      {entry.cancel_reason && <p class="small" data-testid="cancel-reason">Cancelled: {entry.cancel_reason}</p>}
      {entry.details && <p class="small">{entry.details}</p>}
      <ErrorMessage error={error} title="There is a problem with the change" labels={LABELS} />
      {entry.id && (
        <p class="no-print">
          <button type="button" class="button button--secondary button--small" aria-expanded={showHistory ? 'true' : 'false'} onClick={() => setShowHistory(!showHistory)}>
            {showHistory ? 'Hide the history' : 'History'}
          </button>
          {mayChange && (
            <>
              {' '}
              <button type="button" class="button button--secondary button--small" onClick={markDone}>
                {entry.status === 'done' ? 'Mark as planned' : 'Mark as done'}
              </button>{' '}
              <button type="button" class="button button--secondary button--small" onClick={() => setCancelling(!cancelling)}>
                Cancel this entry
              </button>
            </>
          )}
        </p>
      )}
      {cancelling && (
        <CancelForm
          personId={personId}
          entry={entry}
          onDone={() => {
            setCancelling(false);
            onChanged();
          }}
        />
      )}
      {showHistory && <History personId={personId} entryId={entry.id} />}
    </li>
  );
}

function History({ personId, entryId }) {
  const versions = useLoad(() => getHistory(personId, entryId), `history-${entryId}`);
  if (versions.loading) return <Loading what="Loading the history" />;
  if (versions.error) return <ErrorMessage error={versions.error} title="The history could not be loaded" />;
  return (
    <ol class="small" data-testid="diary-history">
      {versions.data.map((version) => (
        <li key={version.version}>
          Version {version.version}, {formatDate(version.changed_at)}, by {version.changed_by} ({version.changed_by_agency}): {statusText(version.status)}{' '}
          {kindText(version.kind)} on {formatDate(version.date)}, {timeText(version)}: {version.title}
          {version.where ? `, ${version.where}` : ''}
          {version.cancel_reason ? `. Reason: ${version.cancel_reason}` : ''}
        </li>
      ))}
    </ol>
  );
}

function CancelForm({ personId, entry, onDone }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState(null);
  const issues = issuesByPath(error, LABELS);
  const id = `diary-cancel-${entry.id}`;
  const submit = async (event) => {
    event.preventDefault();
    setError(null);
    try {
      await cancelEntry(personId, entry.id, entry.version, reason);
      onDone();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form class="no-print" onSubmit={submit} data-testid="diary-cancel-form">
      <ErrorMessage error={error} title="There is a problem with the cancellation" labels={LABELS} />
      <Field id={id} label="Reason for cancelling" hint="Everyone on the person’s care will see this reason." errors={issuesFor(issues, 'reason')}>
        {(props) => <textarea {...props} rows={2} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />}
      </Field>
      <button type="submit" class="button button--warning">
        Cancel the entry
      </button>
    </form>
  );
}

function EntryForm({ personId, defaultDate, onAdded }) {
  const empty = { kind: 'appointment', date: defaultDate, start: '', end: '', where: '', title: '', details: '' };
  const [entry, setEntry] = useState(empty);
  const [error, setError] = useState(null);
  const [added, setAdded] = useState(null);
  const [busy, setBusy] = useState(false);
  const issues = issuesByPath(error, LABELS);
  const set = (key) => (event) => setEntry({ ...entry, [key]: event.currentTarget.value });
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setAdded(null);
    const body = { kind: entry.kind, date: entry.date, title: entry.title };
    // Empty times send nothing (an all-day entry); one without the other is the server's to refuse.
    if (entry.start) body.start = entry.start;
    if (entry.end) body.end = entry.end;
    if (entry.where) body.where = entry.where;
    if (entry.details) body.details = entry.details;
    try {
      const saved = await addEntry(personId, body);
      setAdded(saved);
      setEntry({ ...empty, date: entry.date });
      onAdded();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="no-print" onSubmit={submit} data-testid="diary-form" noValidate>
      <h3>Add to the diary</h3>
      <ErrorMessage error={error} title="There is a problem with the entry" labels={LABELS} />
      {added && (
        <p class="notice" role="status">
          Added “{added.title}” on {formatDate(added.date)}.
        </p>
      )}
      <Field id="diary-kind" label={LABELS.kind} errors={issuesFor(issues, 'kind')}>
        {(props) => (
          <select {...props} value={entry.kind} onChange={set('kind')}>
            {KINDS.map(([code, text]) => (
              <option key={code} value={code}>
                {text}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="diary-date" label={LABELS.date} errors={issuesFor(issues, 'date')}>
        {(props) => <input {...props} type="date" value={entry.date} onInput={set('date')} />}
      </Field>
      <Field id="diary-start" label={LABELS.start} hint="Leave both times empty for an all-day entry." errors={issuesFor(issues, 'start')}>
        {(props) => <input {...props} type="time" value={entry.start} onInput={set('start')} />}
      </Field>
      <Field id="diary-end" label={LABELS.end} errors={issuesFor(issues, 'end')}>
        {(props) => <input {...props} type="time" value={entry.end} onInput={set('end')} />}
      </Field>
      <Field id="diary-title" label={LABELS.title} hint="What it is, for example: District nurse, leg dressing" errors={issuesFor(issues, 'title')}>
        {(props) => <input {...props} value={entry.title} onInput={set('title')} />}
      </Field>
      <Field id="diary-where" label={LABELS.where} errors={issuesFor(issues, 'where')}>
        {(props) => <input {...props} value={entry.where} onInput={set('where')} />}
      </Field>
      <Field id="diary-details" label={LABELS.details} errors={issuesFor(issues, 'details')}>
        {(props) => <textarea {...props} rows={3} value={entry.details} onInput={set('details')} />}
      </Field>
      <button type="submit" class="button" disabled={busy}>
        Add to the diary
      </button>
    </form>
  );
}
