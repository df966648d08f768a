import { useEffect, useRef } from 'preact/hooks';

// Sets the document title and moves focus to the page heading when the page
// changes, so screen reader and keyboard users start at the top of the new page.
export function PageTitle({ children, title }) {
  const heading = useRef(null);
  const text = title || (typeof children === 'string' ? children : '');
  useEffect(() => {
    document.title = text ? `${text} – Allot` : 'Allot';
    if (document.body.dataset.navigated && heading.current) heading.current.focus({ preventScroll: true });
    document.body.dataset.navigated = '1';
  }, [text]);
  return (
    <h1 ref={heading} tabIndex={-1} class="page-title">
      {children}
    </h1>
  );
}

// Shows an ApiError (errors.js; or any Error) with every issue it carries. `labels`
// (a map or a function from an issue's path) names fields in plain words.
export function ErrorMessage({ error, title = 'There is a problem', labels }) {
  const box = useRef(null);
  useEffect(() => {
    if (error && box.current) box.current.focus();
  }, [error]);
  if (!error) return null;
  const lines = typeof error.lines === 'function' ? error.lines(labels) : [error.message || String(error)];
  const [message, ...issues] = lines;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={box}>
      <h2 class="error-summary__title">{title}</h2>
      <p>{message}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading({ what = 'Loading' }) {
  return (
    <p class="loading" role="status">
      {what}…
    </p>
  );
}

// Wide tables scroll sideways inside their own box on a phone instead of the page.
export function TableWrap({ label, children }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
