// The audit log: the data protection officer searches who looked at whose record,
// exports what was found, and verifies that the log has not been altered.
import { AuditPage } from './AuditPage.jsx';

const AUDIT = { href: '/audit', text: 'Audit log', action: 'audit.read' };

export default {
  name: 'audit',
  order: 90,
  routes: [{ path: '/audit', component: AuditPage }],
  nav: [{ ...AUDIT, order: 90 }],
  homeLinks: {
    data_protection_officer: [AUDIT],
    administrator: [AUDIT],
  },
  actions: {
    'audit.read': 'read and export the audit log',
    'audit.verify': "verify the audit log's hash chain",
  },
};
