// What each role does in Allot (DESIGN.md), for the home page's section per role.
// This is presentation only: the links under each section come from the
// capabilities (their index.js `homeLinks`), and whether a link is shown comes
// from the user's `allowed` actions, not from the role.

export const ROLES = {
  administrator: {
    title: 'Administrator',
    summary: 'Looks after users, agencies and the published rulebooks.',
    can: ['Publish and check rulebooks', 'Manage users, their roles and agencies', 'Look at the audit of who read or changed personal data'],
  },
  assessor: {
    title: 'Assessor',
    summary: 'Records contacts, screening and needs assessments, and applies the RAS with the person.',
    can: ['Work out an indicative budget from a person’s assessment', 'Explain the derivation to the person and their carer', 'Build a support plan and book reviews'],
  },
  team_manager: {
    title: 'Team manager',
    summary: 'Oversees assessors’ work and signs off support plans within their authority.',
    can: ['See the team’s assessments and indicative budgets', 'Sign off support plans or send them to the Resource Allocation Group'],
  },
  panel_member: {
    title: 'Resource Allocation Group member',
    summary: 'Sits on the panel (council, NHS, housing) that approves, changes or returns support plans.',
    can: ['Review plans flagged for the panel', 'Record each decision with its reasons'],
  },
  finance_officer: {
    title: 'Finance officer',
    summary: 'Sets and monitors pooled and aligned budgets, commitments, forecasts and the protection fund.',
    can: ['Watch commitments against budgets', 'Check the protection fund held back by the top-slice'],
  },
  commissioner: {
    title: 'Commissioner',
    summary: 'Runs the care-at-home provider framework and watches hours and cost.',
    can: ['Manage providers, grades and rates', 'Allocate packages to providers so work forms clusters', 'Try a day’s visits on the visit scheduling engine'],
  },
  provider_user: {
    title: 'Provider',
    summary: 'Receives package offers and plans carers’ visits; sees only its own people.',
    can: ['Accept or decline package offers', 'Plan carers’ visits'],
  },
  analyst: {
    title: 'Analyst',
    summary: 'Calibrates the RAS, runs what-if simulations and checks equity between client groups.',
    can: [
      'List rulebooks and versions, and compare two versions side by side',
      'Calibrate the value of a point from a sample of cases, a budget and a top-slice',
      'Simulate a rulebook over a population: gainers, losers and protection needed by client group',
    ],
  },
  data_protection_officer: {
    title: 'Data protection officer',
    summary: 'Answers who looked at whose record, and checks that the audit log has not been altered.',
    can: ['Search the audit log by person, user and date, and export it', 'Verify the audit log’s hash chain'],
  },
};

export const roleTitle = (role) => (ROLES[role] ? ROLES[role].title : String(role).replace(/_/g, ' '));
