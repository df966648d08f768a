import { PageTitle } from '../../components.jsx';

// Shown in place of a staff page when nobody is signed in or the role is wrong.
export function SignInPrompt({ title, roleMissing }) {
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <>
      <PageTitle>{title}</PageTitle>
      {roleMissing ? (
        <p>This page is for the {roleMissing} role, which you do not have. Go to <a href="/home">your home page</a>.</p>
      ) : (
        <p>
          You need to sign in to see this page. <a href={`/sign-in?next=${next}`}>Sign in</a>
        </p>
      )}
    </>
  );
}
