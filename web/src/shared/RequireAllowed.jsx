import { Loading } from './components.jsx';
import { can } from './permissions.js';
import { actionText } from './registry.js';
import { useSession } from './session.js';
import { SignInPrompt } from './SignInPrompt.jsx';

// Staff pages: ask to sign in, or explain that the user may not take the page's
// action (one of the session's `allowed` actions, see permissions.js).
export function RequireAllowed({ action, title, children }) {
  const session = useSession();
  if (session.loading) return <Loading what="Checking your sign-in" />;
  if (!session.user) return <SignInPrompt title={title} />;
  if (!can(session, action)) return <SignInPrompt title={title} notAllowed={actionText(action)} />;
  return children;
}
