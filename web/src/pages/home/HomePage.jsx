// A home page for whoever is signed in: one section per role they hold.
import { PageTitle } from '../../components.jsx';
import { ROLES, roleTitle } from '../../roles.js';
import { useSession } from '../../session.js';
import { SignInPrompt } from '../signin/SignInPrompt.jsx';

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
              {about.links.map((link) => (
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
