import { PageTitle } from './components.jsx';

// Shown in place of a staff page when nobody is signed in, or when the user may
// not do what the page is for (`notAllowed`: that action in words).
export function SignInPrompt({ title, notAllowed }) {
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <>
      <PageTitle>{title}</PageTitle>
      {notAllowed ? (
        <p>
          This page needs permission to {notAllowed}, which you do not have. Go to <a href="/home">your home page</a>.
        </p>
      ) : (
        <p>
          You need to sign in to see this page. <a href={`/sign-in?next=${next}`}>Sign in</a>
        </p>
      )}
    </>
  );
}
