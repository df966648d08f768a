// For the data protection officer: users who read more people's records in one
// clock hour than the council's limit, on one day (from the audit log).
import { useState } from 'preact/hooks';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { ExportButtons } from '../shared/ExportButtons.jsx';
import { Field } from '../shared/forms.jsx';
import { formatDate, formatNumber, todayIso } from '../shared/format.js';
import { useDirectory } from '../shared/directory.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { getUnusualVolumes } from './access.js';

export function UnusualVolumesPage() {
  return (
    <RequireAllowed action="access.read_volumes" title="Unusual volumes of reading">
      <Volumes />
    </RequireAllowed>
  );
}

function Volumes() {
  const [day, setDay] = useState(todayIso());
  const [asked, setAsked] = useState(todayIso());
  const loaded = useLoad(() => getUnusualVolumes(asked), `volumes-${asked}`);
  const { agencyName, userName } = useDirectory();
  const users = loaded.data || [];
  const table = {
    name: 'unusual-volumes',
    title: 'Unusual volumes of reading',
    notes: [`On ${formatDate(asked)}`],
    columns: [
      { title: 'User', kind: 'text', value: (row) => row.username },
      { title: 'Agency', kind: 'text', value: (row) => row.agency },
      { title: 'Hour from', kind: 'text', value: (row) => row.hour },
      { title: 'People read', kind: 'number', value: (row) => row.people },
      { title: 'Limit', kind: 'number', value: (row) => row.limit },
    ],
    rows: users,
  };
  return (
    <>
      <PageTitle>Unusual volumes of reading</PageTitle>
      <p class="lead">Users who read more people’s records in one hour than the limit, counted from the audit log (records opened, and people returned by lists and searches).</p>
      <form
        class="filters no-print"
        onSubmit={(event) => {
          event.preventDefault();
          setAsked(day);
        }}
      >
        <Field id="volumes-day" label="Day" inline>
          {(props) => <input {...props} type="date" value={day} onInput={(event) => setDay(event.currentTarget.value)} />}
        </Field>
        <button type="submit" class="button button--secondary">
          Show
        </button>
      </form>
      {loaded.loading && <Loading what="Counting the reading" />}
      <ErrorMessage error={loaded.error} title="The volumes could not be counted" />
      {loaded.data && users.length === 0 && <p data-testid="no-volumes">No one read more than the limit in any hour on {formatDate(asked)}.</p>}
      {users.length > 0 && (
        <>
          <TableWrap label="Unusual volumes">
            <table class="data" data-testid="volumes">
              <caption>Hours past the limit on {formatDate(asked)}</caption>
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Agency</th>
                  <th scope="col">Hour from</th>
                  <th scope="col" class="num">People read</th>
                  <th scope="col" class="num">Limit</th>
                </tr>
              </thead>
              <tbody>
                {users.map((row) => (
                  <tr key={`${row.username}-${row.hour}`}>
                    <td>
                      {userName(row.username)} ({row.username})
                    </td>
                    <td>{agencyName(row.agency)}</td>
                    <td>{formatDate(row.hour)}</td>
                    <td class="num">{formatNumber(row.people)}</td>
                    <td class="num">{formatNumber(row.limit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <ExportButtons table={table} what="these hours" />
        </>
      )}
    </>
  );
}
