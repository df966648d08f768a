import { PageTitle } from '../shared/components.jsx';

export function NotFoundPage() {
  return (
    <>
      <PageTitle>Page not found</PageTitle>
      <p>
        There is no page at this address. Go to the <a href="/">start page</a>.
      </p>
    </>
  );
}
