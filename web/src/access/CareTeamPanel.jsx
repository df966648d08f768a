// A person's care team on their page: the agencies and workers who may see the
// record (each since when, and who ended a membership and why), and the
// person's decisions about sharing with each partner agency. Memberships and
// decisions are never changed or removed: an ending, or a new decision, is
// recorded after them, so the history stays.
import { useState } from 'preact/hooks';
import { ErrorMessage, Loading, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { Field } from '../shared/forms.jsx';
import { formatDate, todayIso } from '../shared/format.js';
import { can } from '../shared/permissions.js';
import { useSession } from '../shared/session.js';
import { addMember, endMember, getCareTeam, getConsents, LABELS, recordConsent, teamRoleText, useDirectoryLists, useRules } from './access.js';
import { AgencySelect, DoneNotice, ReasonForm, useSubmit } from './forms.jsx';

export function CareTeamPanel({ person, onChanged }) {
  const session = useSession();
  if (!can(session, 'access.read_care_team')) return null;
  const mayManage = can(session, 'access.manage_care_team');
  return (
    <>
      <CareTeam person={person} mayManage={mayManage} onChanged={onChanged} />
      <Consents person={person} mayManage={mayManage} onChanged={onChanged} />
    </>
  );
}

// Names from the directory lists, or the code itself until they arrive.
function namer(directory) {
  const agencies = new Map(((directory && directory.agencies) || []).map((agency) => [agency.id, agency]));
  const users = new Map(((directory && directory.users) || []).map((user) => [user.username, user]));
  return {
    agency: (code) => (agencies.get(code) ? agencies.get(code).name : code),
    user: (username) => (users.get(username) ? users.get(username).display_name : username),
  };
}

function CareTeam({ person, mayManage, onChanged }) {
  const [tick, setTick] = useState(0);
  const loaded = useLoad(() => getCareTeam(person.id), `care-team-${person.id}-${tick}`);
  const directory = useDirectoryLists();
  const names = namer(directory.data);
  const [ending, setEnding] = useState(null);
  const [done, setDone] = useState('');
  const changed = (message) => {
    setDone(message);
    setEnding(null);
    setTick((n) => n + 1);
    if (onChanged) onChanged();
  };
  const members = loaded.data || [];
  // A membership past its end date is over as much as one ended early.
  const over = (member) => member.ended_on || (member.ends_on && member.ends_on < todayIso());
  const current = members.filter((member) => !over(member));
  const past = members.filter(over);
  const who = (member) => (member.username ? names.user(member.username) : 'The whole agency');
  // A panel member reaching a plan that awaits the panel, not the care team, sees no team.
  if (loaded.error && loaded.error.status === 403) return null;
  return (
    <section aria-labelledby="care-team-heading" data-testid="care-team">
      <h2 id="care-team-heading">Care team</h2>
      <p class="hint">The agencies and workers on the care team may open this record. A partner agency sees it only while an information sharing agreement is in force and the person has given consent.</p>
      {loaded.loading && !loaded.data && <Loading what="Loading the care team" />}
      <ErrorMessage error={loaded.error} title="The care team could not be loaded" />
      <DoneNotice message={done} testid="care-team-done" />
      {loaded.data && current.length === 0 && <p class="muted">No one is on the care team now.</p>}
      {current.length > 0 && (
        <TableWrap label="Care team now">
          <table class="data" data-testid="care-team-current">
            <caption>On the care team now</caption>
            <thead>
              <tr>
                <th scope="col">Agency</th>
                <th scope="col">Worker or team</th>
                <th scope="col">Role on the team</th>
                <th scope="col">Since</th>
                <th scope="col">Until</th>
                <th scope="col">Added by</th>
                {mayManage && <th scope="col" class="no-print">Change</th>}
              </tr>
            </thead>
            <tbody>
              {current.map((member) => (
                <tr key={member.id} data-member={member.id}>
                  <td>{names.agency(member.agency)}</td>
                  <td>{who(member)}</td>
                  <td>{teamRoleText(member.team_role)}</td>
                  <td>{formatDate(member.starts_on)}</td>
                  <td>{member.ends_on ? formatDate(member.ends_on) : 'no end set'}</td>
                  <td>{names.user(member.added_by)}</td>
                  {mayManage && (
                    <td class="no-print">
                      <button type="button" class="button button--secondary button--small" onClick={() => setEnding(member)}>
                        End membership<span class="visually-hidden"> of {who(member)}, {names.agency(member.agency)}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {mayManage && ending && (
        <ReasonForm
          key={ending.id}
          id="end-member"
          headingLevel="h3"
          heading={`End the membership of ${who(ending)}, ${names.agency(ending.agency)} (${teamRoleText(ending.team_role)})`}
          hint="Why they leave the care team; it is kept with the care team’s history."
          title="The membership was not ended"
          button="End the membership"
          send={(reason) => endMember(person.id, ending.id, reason)}
          onCancel={() => setEnding(null)}
          onEnded={(ended) => changed(`The membership of ${who(ended)}, ${names.agency(ended.agency)}, ended on ${formatDate(ended.ended_on)}.`)}
        />
      )}
      {past.length > 0 && (
        <details>
          <summary>Past members ({past.length})</summary>
          <TableWrap label="Past members of the care team">
            <table class="data" data-testid="care-team-past">
              <caption>Past members of the care team</caption>
              <thead>
                <tr>
                  <th scope="col">Agency</th>
                  <th scope="col">Worker or team</th>
                  <th scope="col">Role on the team</th>
                  <th scope="col">From</th>
                  <th scope="col">Ended</th>
                  <th scope="col">Ended by</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {past.map((member) => (
                  <tr key={member.id}>
                    <td>{names.agency(member.agency)}</td>
                    <td>{who(member)}</td>
                    <td>{teamRoleText(member.team_role)}</td>
                    <td>{formatDate(member.starts_on)}</td>
                    <td>{formatDate(member.ended_on || member.ends_on)}</td>
                    <td>{names.user(member.ended_by)}</td>
                    <td>{member.end_reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </details>
      )}
      {mayManage && (
        <AddMemberForm
          person={person}
          directory={directory.data}
          onAdded={(added) => changed(`${added.username ? names.user(added.username) : names.agency(added.agency)} joined the care team as ${teamRoleText(added.team_role).toLowerCase()}.`)}
        />
      )}
    </section>
  );
}

function AddMemberForm({ person, directory, onAdded }) {
  const rules = useRules();
  const empty = { agency: '', username: '', team_role: '', starts_on: '', ends_on: '' };
  const [form, setForm] = useState(empty);
  const set = (key) => (event) => setForm({ ...form, [key]: event.currentTarget.value, ...(key === 'agency' ? { username: '' } : {}) });
  const agencies = (directory && directory.agencies) || [];
  const workers = ((directory && directory.users) || []).filter((user) => form.agency && user.agency === form.agency);
  const roles = (rules.data && rules.data.care_team_roles) || [];
  const sent = useSubmit(
    () => {
      const body = { agency: form.agency, team_role: form.team_role };
      for (const key of ['username', 'starts_on', 'ends_on']) if (form[key]) body[key] = form[key];
      return addMember(person.id, body);
    },
    (added) => {
      setForm(empty);
      onAdded(added);
    },
  );
  return (
    <details class="no-print" data-testid="add-member">
      <summary>Add an agency or worker to the care team</summary>
      <form onSubmit={sent.submit} noValidate>
        <ErrorMessage error={sent.error} title="They were not added to the care team" labels={LABELS} />
        <AgencySelect id="member-agency" label="Agency" agencies={agencies} value={form.agency} onChange={set('agency')} errors={sent.issues('agency')} />
        <Field id="member-username" label="Worker (optional)" hint="Leave as the whole agency to give everyone in it the same access." errors={sent.issues('username')}>
          {(props) => (
            <select {...props} value={form.username} onChange={set('username')} disabled={!form.agency}>
              <option value="">The whole agency</option>
              {workers.map((user) => (
                <option key={user.username} value={user.username}>
                  {user.display_name} ({user.username})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="member-role" label="Role on the team" errors={sent.issues('team_role')}>
          {(props) => (
            <select {...props} value={form.team_role} onChange={set('team_role')}>
              <option value="">Choose a role</option>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {teamRoleText(role)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="member-starts" label="Starts on (optional)" hint="Today if left empty." errors={sent.issues('starts_on')}>
          {(props) => <input {...props} type="date" value={form.starts_on} onInput={set('starts_on')} />}
        </Field>
        <Field id="member-ends" label="Ends on (optional)" errors={sent.issues('ends_on')}>
          {(props) => <input {...props} type="date" value={form.ends_on} onInput={set('ends_on')} />}
        </Field>
        <button type="submit" class="button" disabled={sent.busy}>
          Add to the care team
        </button>
      </form>
    </details>
  );
}

// The latest decision per agency stands; every decision stays listed beneath.
function latestByAgency(consents) {
  const latest = new Map();
  for (const consent of consents) latest.set(consent.agency, consent);
  return [...latest.values()];
}

function Consents({ person, mayManage, onChanged }) {
  const [tick, setTick] = useState(0);
  const loaded = useLoad(() => getConsents(person.id), `consents-${person.id}-${tick}`);
  const directory = useDirectoryLists();
  const names = namer(directory.data);
  // A decision just recorded is shown at once, before the list is read again.
  const [recorded, setRecorded] = useState([]);
  const all = [...(loaded.data || []), ...recorded.filter((consent) => !(loaded.data || []).some((known) => known.id === consent.id))];
  const standing = latestByAgency(all);
  if (loaded.error && loaded.error.status === 403) return null;
  const onRecorded = (consent) => {
    setRecorded((list) => [...list, consent]);
    setTick((n) => n + 1);
    if (onChanged) onChanged();
  };
  return (
    <section aria-labelledby="consent-heading" data-testid="consents">
      <h2 id="consent-heading">Consent to share with partner agencies</h2>
      {loaded.loading && !loaded.data && <Loading what="Loading the decisions about sharing" />}
      <ErrorMessage error={loaded.error} title="The decisions about sharing could not be loaded" />
      {loaded.data && standing.length === 0 && <p class="muted">No decision about sharing has been recorded.</p>}
      {standing.length > 0 && (
        <TableWrap label="Consent to share">
          <table class="data" data-testid="consent-table">
            <caption>The person’s latest decision for each agency</caption>
            <thead>
              <tr>
                <th scope="col">Agency</th>
                <th scope="col">Decision</th>
                <th scope="col">Recorded</th>
                <th scope="col">Recorded by</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {standing.map((consent) => (
                <tr key={consent.agency} data-agency={consent.agency}>
                  <td>{names.agency(consent.agency)}</td>
                  <td data-testid="consent-decision">
                    <span class={`tag ${consent.decision === 'given' ? 'tag--added' : 'tag--removed'}`}>{consent.decision === 'given' ? 'Consent given' : 'Consent withdrawn'}</span>
                  </td>
                  <td>{formatDate(consent.recorded_at)}</td>
                  <td>
                    {names.user(consent.recorded_by)} ({names.agency(consent.recorded_by_agency)})
                  </td>
                  <td>{consent.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {all.length > standing.length && (
        <details>
          <summary>Every decision recorded ({all.length})</summary>
          <ul data-testid="consent-history">
            {[...all].reverse().map((consent) => (
              <li key={consent.id}>
                {formatDate(consent.recorded_at)}: consent {consent.decision} for {names.agency(consent.agency)}, recorded by {names.user(consent.recorded_by)}
                {consent.note ? ` – ${consent.note}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
      {mayManage && <ConsentForm person={person} directory={directory.data} standing={standing} onRecorded={onRecorded} />}
    </section>
  );
}

function ConsentForm({ person, directory, standing, onRecorded }) {
  const [form, setForm] = useState({ agency: '', decision: '', note: '' });
  const [done, setDone] = useState('');
  // Sharing decisions are about partner agencies: the council holds the record.
  const partners = ((directory && directory.agencies) || []).filter((agency) => agency.kind !== 'council');
  const set = (key) => (event) => setForm({ ...form, [key]: event.currentTarget.value });
  const now = form.agency ? standing.find((consent) => consent.agency === form.agency) : null;
  const sent = useSubmit(
    () => {
      setDone('');
      return recordConsent(person.id, form);
    },
    (consent) => {
      const agency = partners.find((partner) => partner.id === consent.agency);
      setDone(`Recorded: consent ${consent.decision} for ${agency ? agency.name : consent.agency}.`);
      setForm({ agency: '', decision: '', note: '' });
      onRecorded(consent);
    },
  );
  const decisionMissing = sent.issues('decision').length > 0;
  return (
    <form class="no-print" onSubmit={sent.submit} noValidate data-testid="consent-form" aria-labelledby="consent-form-heading">
      <h3 id="consent-form-heading">Record consent given or withdrawn</h3>
      <ErrorMessage error={sent.error} title="The decision was not recorded" labels={LABELS} />
      <DoneNotice message={done} />
      <AgencySelect
        id="consent-agency"
        label="Partner agency"
        hint={now ? `Now: consent ${now.decision}, recorded ${formatDate(now.recorded_at)}.` : undefined}
        agencies={partners}
        value={form.agency}
        onChange={set('agency')}
        errors={sent.issues('agency')}
      />
      <fieldset class={`question${decisionMissing ? ' question--error' : ''}`} aria-describedby={decisionMissing ? 'consent-decision-error' : undefined}>
        <legend>Decision</legend>
        {decisionMissing && (
          <p class="field-error" id="consent-decision-error">
            <span class="visually-hidden">Error:</span> Choose whether consent is given or withdrawn
          </p>
        )}
        <div class="radios">
          <div class="radio">
            <input type="radio" id="consent-given" name="consent-decision" value="given" checked={form.decision === 'given'} onChange={set('decision')} />
            <label for="consent-given">Consent given</label>
          </div>
          <div class="radio">
            <input type="radio" id="consent-withdrawn" name="consent-decision" value="withdrawn" checked={form.decision === 'withdrawn'} onChange={set('decision')} />
            <label for="consent-withdrawn">Consent withdrawn</label>
          </div>
        </div>
      </fieldset>
      <Field id="consent-note" label="Note (optional)" hint="How the person told you, or who decided for them." errors={sent.issues('note')}>
        {(props) => <textarea {...props} rows={2} value={form.note} onInput={set('note')} />}
      </Field>
      <button type="submit" class="button" disabled={sent.busy}>
        Record the decision
      </button>
    </form>
  );
}
