// A person's support diary on a page of its own, for staff who see the diary but
// not the rest of the person's record (a provider's staff): the same week view,
// legend, entries, history and form as on the person's page.
import { useState } from 'preact/hooks';
import { PageTitle } from '../shared/components.jsx';
import { can } from '../shared/permissions.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { useSession } from '../shared/session.js';
import { Diary } from './PersonDiary.jsx';

export function DiaryPage({ id }) {
  return (
    <RequireAllowed action="diary.read" title="Support diary">
      <DiaryOf id={id} />
    </RequireAllowed>
  );
}

function DiaryOf({ id }) {
  const session = useSession();
  // The name comes with the diary itself.
  const [person, setPerson] = useState(null);
  const title = person ? `Support diary: ${person.given_name} ${person.family_name}` : 'Support diary';
  return (
    <>
      {can(session, 'people.read') && (
        <p class="breadcrumbs no-print">
          <a href={`/people/${id}`}>The person’s record</a>
        </p>
      )}
      <PageTitle title={title}>{title}</PageTitle>
      <Diary
        person={{ id: Number(id), given_name: person ? person.given_name : '' }}
        mayWrite={can(session, 'diary.write')} agency={session.user && session.user.agency ? session.user.agency.id : ''}
        onPerson={setPerson}
      />
    </>
  );
}
