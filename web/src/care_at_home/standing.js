// Words for a provider's place on the framework, shared by the list and a provider's page.
export function standingText(standing) {
  if (standing.uplift_and_personal_budget) return 'On the framework; uplifts and personal budget model';
  if (standing.admitted) return 'On the framework (time and task)';
  return 'Not on the framework';
}

export const FRAMEWORKS = { help_to_live_at_home: 'Help to Live at Home', specialist: 'Specialist' };

export const SERVICES = {
  care_at_home: 'care at home',
  housing_support: 'housing support',
  childrens_care_at_home: "children's care at home",
  specialist_support: 'specialist support',
  night_support: 'night support',
};

// Who a package is for: the person's name with the reference it came with, or
// the reference alone (no name known, or the viewer may not see names).
export const personText = (p) => (p.person_name ? `${p.person_name} (${p.person_reference})` : p.person_reference);
