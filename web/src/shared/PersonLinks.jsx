// The links other capabilities offer about a person (their index.js
// `personLinks`), shown on the person's page where the user may follow them.
import { can } from './permissions.js';
import { personLinks } from './registry.js';
import { useSession } from './session.js';

export function PersonLinks({ personId }) {
  const session = useSession();
  const links = personLinks().filter((link) => !link.action || can(session, link.action));
  if (!links.length) return null;
  return (
    <p class="no-print action-links" data-testid="person-links">
      {links.map((link) => (
        <a key={link.text} href={link.href(personId)}>
          {link.text}
        </a>
      ))}
    </p>
  );
}
