// The shared support diary: a person's week across agencies on their page
// (PersonDiary.jsx) and a printable week for the person (DiaryPrintPage.jsx).
import { DiaryPage } from './DiaryPage.jsx';
import { DiaryPrintPage } from './DiaryPrintPage.jsx';
import { PersonDiary } from './PersonDiary.jsx';
import './diary.css';

export default {
  name: 'diary',
  order: 36,
  routes: [
    { path: '/people/:id/diary', component: DiaryPage },
    { path: '/people/:id/diary/print', component: DiaryPrintPage },
  ],
  nav: [],
  personSections: [PersonDiary],
  personLinks: [{ text: 'Printable week from the support diary', href: (id) => `/people/${id}/diary/print`, action: 'diary.read' }],
  homeLinks: {},
  actions: {
    'diary.read': 'read people’s support diaries',
    'diary.write': 'add to people’s support diaries and change their own agency’s entries',
  },
};
