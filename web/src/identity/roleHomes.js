// What each role does in Allot (DESIGN.md), for the home page's section per role.
// This is presentation only: the links under each section come from the
// capabilities (their index.js `homeLinks`), and whether a link is shown comes
// from the user's `allowed` actions, not from the role.

export const ROLES = {
  administrator: {
    title: 'Administrator',
    summary: 'Looks after users, agencies and the published rulebooks; manages users, not people’s records.',
    can: ['Publish and check rulebooks', 'Add users and agencies and set their roles', 'See the Resource Allocation Group’s queue and reviews due, without opening records'],
  },
  assessor: {
    title: 'Assessor',
    summary: 'Records contacts, screening and needs assessments, and applies the RAS with the person.',
    can: ['Record contacts, screening and needs assessments with an indicative budget', 'Explain the derivation to the person and their carer', 'Build a support plan, submit it for sign-off and record reviews'],
  },
  team_manager: {
    title: 'Team manager',
    summary: 'Oversees assessors’ work and signs off support plans within their authority.',
    can: ['Read people’s records, assessments and indicative budgets', 'Sign off support plans within the indicative range, with the plan on screen', 'See the Resource Allocation Group’s queue and reviews due'],
  },
  panel_member: {
    title: 'Resource Allocation Group member',
    summary: 'Sits on the panel (council, NHS, housing) that approves, changes or returns support plans.',
    can: ['Go through the plans waiting for the panel, one at a time or as a list', 'Record a meeting once with its members, and each decision with its reasons'],
  },
  finance_officer: {
    title: 'Finance officer',
    summary: 'Sets and monitors pooled and aligned budgets, commitments, forecasts and the protection fund.',
    can: ['Watch commitments against pooled and aligned budgets', 'Check the protection fund held back by the top-slice', 'Compare agreed budgets with indicative budgets, and download them'],
  },
  commissioner: {
    title: 'Commissioner',
    summary: 'Runs the care-at-home provider framework and watches hours and cost.',
    can: ['Keep the provider framework: providers, their inspections, grades and rates', 'Watch the hours and cost of care at home', 'Try a day’s visits on the visit scheduling engine'],
  },
  person: {
    title: 'Person (or their representative)',
    summary: 'Sees their own record: the budget, how it was worked out, the support plan and what they pay.',
    can: ['See my budget and how it was worked out', 'See my support plan', 'See what I pay towards my support'],
  },
  provider_user: {
    title: 'Provider',
    summary: 'Plans its carers’ visits.',
    can: ['Plan carers’ visits with the visit scheduling engine'],
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
