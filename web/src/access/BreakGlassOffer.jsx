// Offered on a person's page when the record is refused because the user and
// their agency are not on the person's care team (a 403 to someone who may break
// glass): open it anyway, with a reason, for a limited time. The grant is
// audited, every later read of the record carries the reason, and managers
// review it (BreakGlassReviewPage).
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../shared/components.jsx';
import { Field } from '../shared/forms.jsx';
import { can } from '../shared/permissions.js';
import { useSession } from '../shared/session.js';
import { breakGlass, LABELS, useRules } from './access.js';
import { useSubmit } from './forms.jsx';

export function BreakGlassOffer({ id, error, onOpened }) {
  const session = useSession();
  if (!error || error.status !== 403 || !can(session, 'access.break_glass')) return null;
  return <BreakGlassForm id={id} onOpened={onOpened} />;
}

function BreakGlassForm({ id, onOpened }) {
  const rules = useRules();
  const [reason, setReason] = useState('');
  // On success the record is loaded again, and this form goes with the refusal.
  const sent = useSubmit(() => breakGlass(id, reason), () => onOpened());
  const hours = rules.data ? rules.data.break_glass_hours : null;
  const least = rules.data ? rules.data.break_glass_reason_min : null;
  return (
    <section aria-labelledby="break-glass-heading" class="no-print" data-testid="break-glass">
      <h2 id="break-glass-heading">Open this record in an emergency (break glass)</h2>
      <p>
        You may open a record outside your care teams when you must act for this person now, for example on a safeguarding concern. Access lasts {hours ? `${hours} hours` : 'a limited time'}, is yours alone, and is
        reported to your manager and the data protection officer with the reason you give. Every page of the record you read in that time is logged with it.
      </p>
      <form onSubmit={sent.submit} noValidate>
        <ErrorMessage error={sent.error} title="The record was not opened" labels={LABELS} />
        <Field
          id="break-glass-reason"
          label="Why you need to open this record now"
          hint={least ? `At least ${least} characters. Say what has happened and why it cannot wait.` : 'Say what has happened and why it cannot wait.'}
          errors={sent.issues('reason')}
        >
          {(props) => <textarea {...props} rows={3} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />}
        </Field>
        <button type="submit" class="button" disabled={sent.busy}>
          Break glass and open the record
        </button>
      </form>
    </section>
  );
}
