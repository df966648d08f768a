// What the capabilities offer besides their routes, gathered by the app shell
// (app.jsx) from each capability's index.js: links for the header, links for each
// role's home page, and their actions in words.
let capabilities = [];

export function registerCapabilities(list) {
  capabilities = [...list].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  return capabilities;
}

// Header links ({href, text, order, action?, when?: 'signed-in' | 'signed-out'}), in order.
export const navLinks = () => capabilities.flatMap((capability) => capability.nav || []).sort((a, b) => a.order - b.order);

// A role's home-page links ({href, text, action?}): each capability's links for
// the role, then the links for everyone.
export function homeLinks(role) {
  const of = (key) => capabilities.flatMap((capability) => (capability.homeLinks && capability.homeLinks[key]) || []);
  return [...of(role), ...of('everyone')];
}

// An action ("people.write") in words ("change people’s records"), else its name.
export function actionText(action) {
  for (const capability of capabilities) {
    if (capability.actions && capability.actions[action]) return capability.actions[action];
  }
  return action;
}

// Links about one person that other capabilities offer on the person's page
// ({text, href(personId), action?}), in capability order.
export const personLinks = () => capabilities.flatMap((capability) => capability.personLinks || []);

// Sections other capabilities show on the person's page (components taking
// {person, onChanged}), in capability order.
export const personSections = () => capabilities.flatMap((capability) => capability.personSections || []);

// What other capabilities offer on the person's page when the record itself is
// refused (components taking {id, error, onOpened}; onOpened loads it again).
export const personRefusals = () => capabilities.flatMap((capability) => capability.personRefusals || []);
