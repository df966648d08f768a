// A home page for whoever is signed in: one section per role they hold, with the
// links the capabilities offer that role, each shown only if the user may use it.
import { PageTitle } from '../shared/components.jsx';
import { can } from '../shared/permissions.js';
import { homeLinks } from '../shared/registry.js';
import { useSession } from '../shared/session.js';
import { SignInPrompt } from '../shared/SignInPrompt.jsx';
import { ROLES, roleTitle } from './roleHomes.js';

export function HomePage() {
  const { user, loading } = useSession();
  if (loading) return null;
  if (!user) return <SignInPrompt title="Your home page" />;
  const roles = Array.isArray(user.roles) ? user.roles : [];
  return (
    <>
      <PageTitle title="Home">Hello, {user.display_name || user.username}</PageTitle>
      <p class="lead">
        You are signed in as <strong data-testid="username">{user.username}</strong>
        {user.agency && user.agency.name ? ` for ${user.agency.name}` : ''}. Your {roles.length === 1 ? 'role is' : 'roles are'}{' '}
        {roles.map(roleTitle).join(', ') || 'not set'}.
      </p>
      {roles.map((role) => {
        const about = ROLES[role];
        if (!about) return null;
        const links = homeLinks(role).filter((link) => !link.action || can(user, link.action));
        return (
          <section class="role" key={role} aria-labelledby={`role-${role}`} data-role={role}>
            <h2 id={`role-${role}`}>{about.title}</h2>
            <p>{about.summary}</p>
            <h3>What you can do</h3>
            <ul>
              {about.can.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            <h3>Pages</h3>
            <ul class="links">
              {links.map((link) => (
                <li key={link.href}>
                  <a href={link.href}>{link.text}</a>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
