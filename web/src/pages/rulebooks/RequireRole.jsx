import { Loading } from '../../components.jsx';
import { hasRole, useSession } from '../../session.js';
import { SignInPrompt } from '../signin/SignInPrompt.jsx';

// Staff pages: ask to sign in, or explain which role is needed.
export function RequireRole({ roles, title, children }) {
  const { user, loading } = useSession();
  if (loading) return <Loading what="Checking your sign-in" />;
  if (!user) return <SignInPrompt title={title} />;
  if (!hasRole(user, ...roles)) return <SignInPrompt title={title} roleMissing={roles.join(' or ')} />;
  return children;
}
