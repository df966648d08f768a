// The data protection officer's page: search the audit log by person, user and
// dates; page through the entries; export them as CSV or XLSX; verify the chain.
// Every search made here is itself recorded in the log.
import { useState } from 'preact/hooks';
import { api, enc } from '../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { Field } from '../shared/forms.jsx';
import { downloadText, formatDate, formatNumber, toCsv, words } from '../shared/format.js';
import { can } from '../shared/permissions.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { useSession } from '../shared/session.js';
import { downloadXlsx } from '../shared/xlsx.js';

const LABELS = { person: 'Person (record number)', user: 'User', from: 'From', to: 'To', limit: 'Entries per page' };

export function AuditPage() {
  return (
    <RequireAllowed action="audit.read" title="Audit log">
      <Audit />
    </RequireAllowed>
  );
}

function queryText(filters, before) {
  const parts = [];
  for (const key of ['person', 'user', 'from', 'to']) {
    if (filters[key]) parts.push(`${key}=${enc(filters[key].trim())}`);
  }
  parts.push('limit=200');
  if (before) parts.push(`before=${before}`);
  return parts.join('&');
}

const HEADER = ['When', 'User', 'Agency', 'Roles', 'Action', 'Subject', 'People returned', 'Detail', 'Reason', 'Chain position', 'Hash'];
const row = (entry) => [entry.at, entry.user, entry.agency, entry.roles, entry.action, entry.subject, entry.people.join(' '), entry.detail, entry.reason, entry.seq, entry.hash];

function Audit() {
  const session = useSession();
  const [filters, setFilters] = useState({ person: '', user: '', from: '', to: '' });
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const set = (key) => (event) => setFilters({ ...filters, [key]: event.currentTarget.value });

  const search = async (event, before = null) => {
    if (event) event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const body = await api.get(`/audit/entries?${queryText(filters, before)}`);
      setResult(before && result ? { entries: [...result.entries, ...body.entries], next_before: body.next_before } : body);
    } catch (failure) {
      setError(failure);
      setResult(null);
      const first = document.getElementById('audit-error');
      if (first) first.focus();
    } finally {
      setBusy(false);
    }
  };

  const exportName = () => `audit-log${filters.person ? `-person-${filters.person}` : ''}${filters.user ? `-${filters.user}` : ''}`;
  const exportCsv = () => downloadText(`${exportName()}.csv`, toCsv([HEADER, ...result.entries.map(row)]));
  const exportXlsx = () => downloadXlsx(`${exportName()}.xlsx`, [{ name: 'Audit log', rows: [HEADER, ...result.entries.map(row)] }]);

  return (
    <>
      <PageTitle>Audit log</PageTitle>
      <p class="lead">
        Every read, search, change and refused request, with who made it, their agency and roles. Your searches here are recorded too.
      </p>
      <form onSubmit={(event) => search(event)} aria-labelledby="audit-search-heading">
        <h2 id="audit-search-heading">Search the log</h2>
        <Field id="audit-person" label={LABELS.person} hint="Finds reads of the record and searches that returned this person">
          {(props) => <input {...props} inputMode="numeric" value={filters.person} onInput={set('person')} />}
        </Field>
        <Field id="audit-user" label={LABELS.user} hint="A username, such as assessor">
          {(props) => <input {...props} value={filters.user} onInput={set('user')} />}
        </Field>
        <Field id="audit-from" label={LABELS.from}>
          {(props) => <input {...props} type="date" value={filters.from} onInput={set('from')} />}
        </Field>
        <Field id="audit-to" label={LABELS.to}>
          {(props) => <input {...props} type="date" value={filters.to} onInput={set('to')} />}
        </Field>
        {error && (
          <div id="audit-error" tabIndex={-1}>
            <ErrorMessage error={error} title="The search could not be made" labels={LABELS} />
          </div>
        )}
        <button type="submit" disabled={busy}>
          Search
        </button>
      </form>
      {busy && <Loading what="Searching the audit log" />}
      {result && (
        <section aria-labelledby="audit-results-heading">
          <h2 id="audit-results-heading">
            {formatNumber(result.entries.length)} {result.entries.length === 1 ? 'entry' : 'entries'}
            {result.next_before ? ' so far' : ''}
          </h2>
          {result.entries.length > 0 && (
            <p>
              <button type="button" onClick={exportCsv}>
                Export CSV
              </button>{' '}
              <button type="button" onClick={exportXlsx}>
                Export XLSX
              </button>
            </p>
          )}
          <TableWrap label="Audit entries">
            <table class="data" data-testid="audit-entries">
              <caption>Audit entries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">User</th>
                  <th scope="col">Agency</th>
                  <th scope="col">Roles</th>
                  <th scope="col">Action</th>
                  <th scope="col">Subject</th>
                  <th scope="col">People returned</th>
                  <th scope="col">Detail</th>
                </tr>
              </thead>
              <tbody>
                {result.entries.map((entry) => (
                  <tr key={entry.id}>
                    <td>{formatDate(entry.at)}</td>
                    <td>{entry.user}</td>
                    <td>{entry.agency}</td>
                    <td>{words(entry.roles).replace(/,/g, ', ')}</td>
                    <td>{words(entry.action)}</td>
                    <td>{entry.subject}</td>
                    <td>{entry.people.length > 0 ? `${formatNumber(entry.people.length)}: ${entry.people.slice(0, 10).join(', ')}${entry.people.length > 10 ? ', …' : ''}` : ''}</td>
                    <td>{entry.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {result.next_before && (
            <button type="button" disabled={busy} onClick={() => search(null, result.next_before)}>
              Show older entries
            </button>
          )}
        </section>
      )}
      {can(session, 'audit.verify') && <Verify />}
    </>
  );
}

function Verify() {
  const [report, setReport] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setError(null);
    setBusy(true);
    try {
      setReport(await api.get('/audit/verify'));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="audit-verify-heading">
      <h2 id="audit-verify-heading">Check the log has not been altered</h2>
      <p class="hint">
        Each entry carries a fingerprint of the one before it, so an entry changed, removed or moved breaks the chain. Note the final fingerprint somewhere outside Allot and
        compare it next time.
      </p>
      <button type="button" onClick={verify} disabled={busy}>
        Verify the audit log
      </button>
      {busy && <Loading what="Checking every entry" />}
      {error && <ErrorMessage error={error} title="The log could not be checked" />}
      {report && (
        <div role="status" class={report.ok ? 'notice' : 'error-summary'} data-testid="audit-verify">
          {report.ok ? (
            <p>
              The log is intact: {formatNumber(report.entries)} entries checked. Final fingerprint: <code>{report.head_hash || 'none yet'}</code>
            </p>
          ) : (
            <>
              <p>The log has been altered. After checking {formatNumber(report.entries)} entries:</p>
              <ul>
                {report.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
