// A person's week from their support diary, to print and keep at home: large
// type, plain words, every day of the week, and who each entry is from in words.
import { ErrorMessage, Loading, PageTitle } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { formatDate, todayIso } from '../shared/format.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { useLocation } from '../shared/router.js';
import { addDays, agencyClass, byDay, getDiary, kindText, longDay, mondayOf, timeText, weekDays } from './diary.js';

export function DiaryPrintPage({ id }) {
  return (
    <RequireAllowed action="diary.read" title="Support diary">
      <PrintableWeek id={id} />
    </RequireAllowed>
  );
}

function PrintableWeek({ id }) {
  const { query } = useLocation();
  const asked = query.get('from');
  const monday = mondayOf(/^\d{4}-\d{2}-\d{2}$/.test(asked || '') ? asked : todayIso());
  const sunday = addDays(monday, 6);
  const diary = useLoad(() => getDiary(id, monday, sunday), `diary-print-${id}-${monday}`);
  const name = diary.data && diary.data.person ? `${diary.data.person.given_name} ${diary.data.person.family_name}` : '';
  const days = byDay(diary.data ? diary.data.entries : []);
  return (
    <div class="diary-print">
      <p class="breadcrumbs no-print">
        <a href={`/people/${id}/diary`}>Back to the diary</a> ·{' '}
        <a href={`/people/${id}/diary/print?from=${addDays(monday, -7)}`}>Previous week</a> ·{' '}
        <a href={`/people/${id}/diary/print?from=${addDays(monday, 7)}`}>Next week</a> ·{' '}
        <button type="button" class="button button--small" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <PageTitle title={name ? `${name}: your week` : 'Your week'}>{name ? `${name}: your week` : 'Your week'}</PageTitle>
      <p>
        From {formatDate(monday)} to {formatDate(sunday)}. Who is coming, when, and what for.
      </p>
      {diary.loading && <Loading what="Loading the week" />}
      <ErrorMessage error={diary.error} title="The week could not be loaded" />
      {diary.data && (
        <div data-testid="diary-print">
          {weekDays(monday).map((day) => (
            <section key={day} class="diary-day" data-day={day}>
              <h2>{longDay(day)}</h2>
              {(days.get(day) || []).length === 0 ? (
                <p>Nothing planned.</p>
              ) : (
                <ul class="diary-entries">
                  {days.get(day).map((entry, index) => (
                    <li key={entry.id || `${entry.source}-${index}`} class={`diary-entry ${agencyClass(entry.from && entry.from.kind)}`}>
                      <strong>{timeText(entry)}</strong>: {entry.status === 'cancelled' ? 'CANCELLED: ' : ''}
                      {entry.title}
                      {entry.where ? `, ${entry.where}` : ''}. {kindText(entry.kind)} from {entry.from ? entry.from.name : 'unknown'}.
                      {entry.status === 'cancelled' && entry.cancel_reason ? ` Reason: ${entry.cancel_reason}.` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
