// One community opportunity: its details, where it is, every earlier version
// (who changed what and when) and, for those who keep the directory, the form
// to change it; or the form to add one (/community/new).
import { useState } from 'preact/hooks';
import { api, enc } from '../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { issuesByPath, issuesFor } from '../shared/errors.js';
import { formatDate, parsePounds } from '../shared/format.js';
import { Field } from '../shared/forms.jsx';
import { can } from '../shared/permissions.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { navigate } from '../shared/router.js';
import { useSession } from '../shared/session.js';
import { chargeText, CLIENT_GROUPS, groupsText, KINDS, LABELS, useLocalities } from './words.js';

export function EntryPage({ id }) {
  return (
    <RequireAllowed action={id ? 'community.read' : 'community.manage'} title={id ? 'Community opportunity' : 'Add a community opportunity'}>
      {id ? <Entry id={id} /> : <NewEntry />}
    </RequireAllowed>
  );
}

function NewEntry() {
  return (
    <>
      <PageTitle>Add a community opportunity</PageTitle>
      <p>
        <a href="/community">Back to the directory</a>
      </p>
      <EntryForm entry={null} onSaved={(saved) => navigate(`/community/${saved.id}`)} />
    </>
  );
}

function Entry({ id }) {
  const session = useSession();
  const [tick, setTick] = useState(0);
  const loaded = useLoad(() => api.get(`/community/${enc(id)}`), `community:${id}:${tick}`);
  if (loaded.loading) return <Loading what="Loading the opportunity" />;
  if (loaded.error) return <ErrorMessage error={loaded.error} title="The opportunity could not be loaded" />;
  const entry = loaded.data;
  return (
    <>
      <PageTitle>{entry.name}</PageTitle>
      <p>
        <a href="/community">Back to the directory</a>
      </p>
      {entry.description && <p class="lead">{entry.description}</p>}
      <dl class="summary" data-testid="community-entry">
        <dt>Kind</dt>
        <dd>{KINDS[entry.kind] || entry.kind}</dd>
        <dt>Locality</dt>
        <dd>{entry.locality}</dd>
        <dt>Where</dt>
        <dd>{[entry.address, entry.postcode].filter(Boolean).join(', ') || 'Not given'}</dd>
        <dt>On the map</dt>
        <dd>
          {entry.latitude === null
            ? 'Not placed: give a postcode the gazetteer knows, or latitude and longitude'
            : `${entry.latitude.toFixed(4)}, ${entry.longitude.toFixed(4)} (${entry.located_by === 'postcode' ? 'from the postcode' : 'as given'})`}
        </dd>
        <dt>When</dt>
        <dd>{entry.opening_times}</dd>
        <dt>Who it is for</dt>
        <dd>{groupsText(entry.client_groups)}</dd>
        <dt>Charge</dt>
        <dd>{chargeText(entry)}</dd>
        <dt>Contact</dt>
        <dd>{entry.contact}</dd>
      </dl>
      <p class="hint">
        To use it in a person's support plan, name it in the plan line's description ("{entry.name}, {entry.opening_times}") with no cost: the line's link to this
        page is its address, <code>/community/{entry.id}</code>.
      </p>
      <h2>Versions</h2>
      <TableWrap label="Versions of this opportunity">
        <table class="data" data-testid="community-history">
          <caption>Every version kept, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">By</th>
              <th scope="col">On</th>
              <th scope="col">When open</th>
              <th scope="col">Charge</th>
            </tr>
          </thead>
          <tbody>
            {entry.history.map((version) => (
              <tr key={version.version}>
                <td class="num">{version.version}</td>
                <td>{version.changed_by}</td>
                <td>{formatDate(version.changed_at.slice(0, 10))}</td>
                <td>{version.opening_times}</td>
                <td>{chargeText(version)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {can(session, 'community.manage') && (
        <section aria-labelledby="community-change-heading">
          <h2 id="community-change-heading">Change this opportunity</h2>
          <EntryForm entry={entry} onSaved={() => setTick((n) => n + 1)} />
        </section>
      )}
    </>
  );
}

const pounds = (pence) => (pence ? `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}` : '');

function EntryForm({ entry, onSaved }) {
  const [form, setForm] = useState(() => ({
    name: entry ? entry.name : '',
    kind: entry ? entry.kind : '',
    description: entry ? entry.description : '',
    locality: entry ? entry.locality : '',
    address: entry ? entry.address : '',
    postcode: entry ? entry.postcode : '',
    latitude: entry && entry.located_by === 'given' ? String(entry.latitude) : '',
    longitude: entry && entry.located_by === 'given' ? String(entry.longitude) : '',
    opening_times: entry ? entry.opening_times : '',
    contact: entry ? entry.contact : '',
    client_groups: entry ? entry.client_groups : [],
    charge: entry ? pounds(entry.charge_pence) : '',
    charge_note: entry ? entry.charge_note : '',
  }));
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const localities = useLocalities(0);
  const issues = issuesByPath(error, LABELS);
  const set = (name) => (event) => setForm({ ...form, [name]: event.currentTarget.value });
  const toggle = (group) => (event) =>
    setForm({ ...form, client_groups: event.currentTarget.checked ? [...form.client_groups, group] : form.client_groups.filter((g) => g !== group) });
  const submit = async (event) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const charge = form.charge.trim() === '' ? 0 : parsePounds(form.charge);
    const body = {
      name: form.name,
      kind: form.kind,
      description: form.description,
      locality: form.locality,
      address: form.address,
      postcode: form.postcode,
      opening_times: form.opening_times,
      contact: form.contact,
      client_groups: form.client_groups,
      charge_pence: charge === null || charge === undefined || Number.isNaN(charge) ? form.charge : charge,
      charge_note: form.charge_note,
    };
    if (form.latitude.trim() || form.longitude.trim()) {
      body.latitude = form.latitude.trim();
      body.longitude = form.longitude.trim();
    }
    setBusy(true);
    try {
      const result = entry ? await api.put(`/community/${entry.id}`, { ...body, expected_version: entry.version }) : await api.post('/community', body);
      setSaved(true);
      onSaved(result);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const text = (name, label, hint, props = {}, path = name) => (
    <Field id={`community-${name}`} label={label} hint={hint} errors={issuesFor(issues, path)}>
      {(field) => <input {...field} {...props} value={form[name]} onInput={set(name)} />}
    </Field>
  );
  return (
    <form onSubmit={submit} noValidate data-testid="community-form">
      {error && <ErrorMessage error={error} labels={LABELS} title={entry ? 'The opportunity was not changed' : 'The opportunity was not added'} />}
      {saved && entry && (
        <p class="notice" role="status">
          Saved as version {entry.version + 1}.
        </p>
      )}
      {text('name', LABELS.name)}
      <Field id="community-kind" label={LABELS.kind} errors={issuesFor(issues, 'kind')}>
        {(field) => (
          <select {...field} value={form.kind} onChange={set('kind')}>
            <option value="">Choose a kind</option>
            {Object.entries(KINDS).map(([code, label]) => (
              <option value={code}>{label}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="community-description" label={LABELS.description} errors={issuesFor(issues, 'description')}>
        {(field) => <textarea {...field} rows={3} value={form.description} onInput={set('description')} />}
      </Field>
      {text('locality', 'Locality', 'The town, village or area it serves.', { list: 'community-localities', autocomplete: 'off' })}
      <datalist id="community-localities">
        {localities.map((name) => (
          <option value={name} />
        ))}
      </datalist>
      {text('address', 'Address')}
      {text('postcode', 'Postcode', 'The gazetteer places the opportunity on the map from its postcode, unless latitude and longitude are given.')}
      {text('latitude', 'Latitude', 'Decimal degrees, such as 52.9352 (optional).', { inputMode: 'decimal' })}
      {text('longitude', 'Longitude', 'Decimal degrees, such as -1.4979 (optional).', { inputMode: 'decimal' })}
      {text('opening_times', LABELS.opening_times, 'Such as: Tuesdays 10:00 to 12:00.')}
      {text('contact', LABELS.contact, 'A phone number, an email address or a person to ask.')}
      <fieldset class={`field${issuesFor(issues, 'client_groups').length ? ' question--error' : ''}`}>
        <legend>{LABELS.client_groups}</legend>
        <p class="hint">Tick none if it is open to everyone.</p>
        {Object.entries(CLIENT_GROUPS).map(([code, label]) => (
          <label class="checkbox">
            <input type="checkbox" checked={form.client_groups.includes(code)} onChange={toggle(code)} /> {label}
          </label>
        ))}
      </fieldset>
      {text('charge', 'Charge (£)', 'Leave empty if it is free; the directory lists free or small-charge support, at most £50.', { inputMode: 'decimal' }, 'charge_pence')}
      {text('charge_note', LABELS.charge_note, 'Such as: per session, for lunch.')}
      <button type="submit" class="button" disabled={busy}>
        {entry ? 'Save the change' : 'Add the opportunity'}
      </button>
    </form>
  );
}
