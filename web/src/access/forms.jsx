// Form pieces the access pages share: sending a form (busy, the API's error kept
// for the summary and the fields), choosing an agency, and ending something with
// a reason (a care team membership, an agreement).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorMessage } from '../shared/components.jsx';
import { issuesByPath, issuesFor } from '../shared/errors.js';
import { Field } from '../shared/forms.jsx';
import { LABELS } from './access.js';

// {error, busy, issues(path), submit}: `submit` runs `send()` and gives its answer
// to `onDone`; a failure stays in `error`, and `issues(path)` are its words for a field.
export function useSubmit(send, onDone) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const byPath = issuesByPath(error, LABELS);
  const submit = async (event) => {
    if (event) event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await send();
      setBusy(false);
      onDone(answer);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return { error, busy, issues: (path) => issuesFor(byPath, path), submit };
}

// A select of agencies ({id: code, name}) by name, with "Choose an agency" first.
export function AgencySelect({ id, label, hint, agencies, value, onChange, errors }) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(props) => (
        <select {...props} value={value} onChange={onChange}>
          <option value="">Choose an agency</option>
          {agencies.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

// Ends something with a reason: `send(reason)` returns the ended thing, given to `onEnded`.
export function ReasonForm({ id, heading, headingLevel = 'h2', hint, title, button, send, onEnded, onCancel }) {
  const [reason, setReason] = useState('');
  const form = useSubmit(() => send(reason), onEnded);
  const Heading = headingLevel;
  return (
    <form class="no-print" onSubmit={form.submit} noValidate aria-labelledby={`${id}-heading`} data-testid={`${id}-form`}>
      <Heading id={`${id}-heading`}>{heading}</Heading>
      <ErrorMessage error={form.error} title={title} labels={LABELS} />
      <Field id={`${id}-reason`} label="Reason" hint={hint} errors={form.issues('reason')}>
        {(props) => <textarea {...props} rows={2} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />}
      </Field>
      <button type="submit" class="button" disabled={form.busy}>
        {button}
      </button>{' '}
      <button type="button" class="button button--secondary" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

// What a form just did, in words. It takes the focus when it changes: the form
// or button the user was on may be gone (an ended membership leaves the table).
export function DoneNotice({ message, testid }) {
  const box = useRef(null);
  useEffect(() => {
    if (message && box.current) box.current.focus();
  }, [message]);
  if (!message) return null;
  return (
    <p class="notice" role="status" tabIndex={-1} ref={box} data-testid={testid}>
      {message}
    </p>
  );
}
