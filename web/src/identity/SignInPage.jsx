import { useState } from 'preact/hooks';
import { ErrorMessage, PageTitle } from '../shared/components.jsx';
import { pageError } from '../shared/errors.js';
import { navigate, useLocation } from '../shared/router.js';
import { signIn, useSession } from '../shared/session.js';

export function SignInPage() {
  const { query } = useLocation();
  const session = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const next = query.get('next');
  const destination = next && next.startsWith('/') && !next.startsWith('//') ? next : '/home';

  const submit = async (event) => {
    event.preventDefault();
    setError(null);
    if (!username.trim() || !password) {
      setError(pageError('Enter your username and password.'));
      return;
    }
    setBusy(true);
    try {
      await signIn(username.trim(), password);
      navigate(destination);
    } catch (caught) {
      setError(caught.status === 401 ? pageError('The username or password is not right. Check them and try again.') : caught);
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>Sign in</PageTitle>
      <p class="lead">For council, NHS and provider staff. You do not need to sign in to use the public calculator.</p>
      {query.get('signed_out') && (
        <p class="success" role="status">
          You have signed out.
        </p>
      )}
      {session.user && (
        <p>
          You are signed in as {session.user.display_name || session.user.username}. <a href="/home">Go to your home page</a>.
        </p>
      )}
      <ErrorMessage error={error} title="You could not be signed in" />
      <form class="narrow" onSubmit={submit} noValidate>
        <div class="field">
          <label for="username">Username</label>
          <input id="username" name="username" type="text" autocomplete="username" spellcheck={false} autocapitalize="none" value={username} onInput={(event) => setUsername(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" value={password} onInput={(event) => setPassword(event.currentTarget.value)} />
        </div>
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </>
  );
}
