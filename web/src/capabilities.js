// Every capability whose pages the app shows, one line each. A capability's
// folder has an index.js whose default export gives its routes, header links,
// home-page links by role and its actions in words (README.md, "Adding a
// capability's pages"); `order` puts its links among the others.
export { default as identity } from './identity/index.js';
export { default as ras } from './ras/index.js';
export { default as journey } from './journey/index.js';
export { default as scheduling } from './scheduling/index.js';
export { default as budgets } from './budgets/index.js';
export { default as charging } from './charging/index.js';
export { default as programmes } from './programmes/index.js';
export { default as care_at_home } from './care_at_home/index.js';
export { default as casework } from './casework/index.js';
export { default as community } from './community/index.js';
export { default as map } from './map/index.js';
export { default as audit } from './audit/index.js';
export { default as diary } from './diary/index.js';
export { default as access } from './access/index.js';
