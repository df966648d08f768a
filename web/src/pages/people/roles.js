// Who may do what in people's records (docs/api.md, "The personal budget journey").
export const READERS = ['assessor', 'team_manager', 'panel_member', 'finance_officer', 'administrator'];
export const WRITERS = ['assessor', 'team_manager'];
export const PANEL_READERS = ['panel_member', 'team_manager', 'finance_officer', 'administrator'];
