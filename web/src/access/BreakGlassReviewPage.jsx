// Managers and the data protection officer review break-glass accesses: who
// opened whose record outside their care teams, why, when and until when. The
// list is read from a date (30 days ago unless another is chosen) and exported
// as CSV or XLSX; reading it is itself audited.
import { useState } from 'preact/hooks';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { ExportButtons } from '../shared/ExportButtons.jsx';
import { Field } from '../shared/forms.jsx';
import { formatDate, todayIso } from '../shared/format.js';
import { useDirectory } from '../shared/directory.js';
import { can } from '../shared/permissions.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { useSession } from '../shared/session.js';
import { getGrants } from './access.js';

export function BreakGlassReviewPage() {
  return (
    <RequireAllowed action="access.review_break_glass" title="Break-glass accesses">
      <Review />
    </RequireAllowed>
  );
}

function grantsTable(grants, since, userName) {
  return {
    name: 'break-glass',
    title: 'Break-glass accesses',
    notes: [`Since ${formatDate(since)}`],
    columns: [
      { title: 'Who', kind: 'text', value: (grant) => `${userName(grant.username)} (${grant.username})` },
      { title: 'Agency', kind: 'text', value: (grant) => grant.agency },
      { title: 'Roles', kind: 'text', value: (grant) => grant.roles },
      { title: 'Record', kind: 'number', value: (grant) => grant.person_id },
      { title: 'Reason', kind: 'text', value: (grant) => grant.reason },
      { title: 'Opened at', kind: 'text', value: (grant) => grant.granted_at },
      { title: 'Open until', kind: 'text', value: (grant) => grant.expires_at },
    ],
    rows: grants,
  };
}

function Review() {
  const [since, setSince] = useState(todayIso(-30));
  const [asked, setAsked] = useState(todayIso(-30));
  const loaded = useLoad(() => getGrants(asked), `grants-${asked}`);
  const { agencyName, userName } = useDirectory();
  // The data protection officer reviews grants without reading anyone's record,
  // so the record is linked only for those who may open records.
  const opensRecords = can(useSession(), 'people.read');
  const grants = loaded.data || [];
  const now = Date.now();
  return (
    <>
      <PageTitle>Break-glass accesses</PageTitle>
      <p class="lead">Records opened outside the user’s care teams, with the reason they gave. Check each reason was sound; reading this list is recorded in the audit log.</p>
      <form
        class="filters no-print"
        onSubmit={(event) => {
          event.preventDefault();
          setAsked(since);
        }}
      >
        <Field id="grants-since" label="Opened on or after" inline>
          {(props) => <input {...props} type="date" value={since} onInput={(event) => setSince(event.currentTarget.value)} />}
        </Field>
        <button type="submit" class="button button--secondary">
          Show
        </button>
      </form>
      {loaded.loading && <Loading what="Loading the break-glass accesses" />}
      <ErrorMessage error={loaded.error} title="The break-glass accesses could not be loaded" />
      {loaded.data && grants.length === 0 && <p data-testid="no-grants">No one has broken glass since {formatDate(asked)}.</p>}
      {grants.length > 0 && (
        <>
          <TableWrap label="Break-glass accesses">
            <table class="data" data-testid="grants">
              <caption>
                {grants.length === 1 ? 'One access' : `${grants.length} accesses`} since {formatDate(asked)}, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Who</th>
                  <th scope="col">Whose record</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Opened</th>
                  <th scope="col">Open until</th>
                </tr>
              </thead>
              <tbody>
                {grants.map((grant) => (
                  <tr key={grant.id} data-grant={grant.id}>
                    <td>
                      {userName(grant.username)} ({grant.username}), {agencyName(grant.agency)}
                      <br />
                      <span class="small muted">{grant.roles}</span>
                    </td>
                    <td>
                      {opensRecords ? <a href={grant.person_href}>Record {grant.person_id}</a> : `Record ${grant.person_id}`}
                    </td>
                    <td>{grant.reason}</td>
                    <td>{formatDate(grant.granted_at)}</td>
                    <td>
                      {formatDate(grant.expires_at)}
                      {new Date(grant.expires_at).getTime() > now ? ' (still open)' : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <ExportButtons table={grantsTable(grants, asked, userName)} what="these accesses" />
        </>
      )}
    </>
  );
}
