// Grant programmes (seed 001): import a programme from CSV or XLSX, checked
// against its stated totals; report it by source, year, workstream and project.
import { ProgrammeReportPage } from './ProgrammeReportPage.jsx';
import { ProgrammesPage } from './ProgrammesPage.jsx';

const PROGRAMMES = { href: '/programmes', text: 'Grant programmes', action: 'programmes.read' };

export default {
  name: 'programmes',
  order: 45,
  routes: [
    { path: '/programmes', component: ProgrammesPage },
    { path: '/programmes/:id', component: ProgrammeReportPage },
  ],
  nav: [{ ...PROGRAMMES, order: 65 }],
  homeLinks: {
    finance_officer: [PROGRAMMES],
    commissioner: [PROGRAMMES],
    analyst: [PROGRAMMES],
  },
  actions: {
    'programmes.read': 'read grant programmes',
    'programmes.manage': 'import grant programmes',
  },
};
