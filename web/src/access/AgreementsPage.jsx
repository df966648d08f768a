// Information sharing agreements with partner agencies: a partner agency on a
// person's care team sees the record only while one is in force (and the person
// has given consent). Recorded and ended here by roles that manage them; an
// ended agreement stays listed with who ended it and why.
import { useState } from 'preact/hooks';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { Field } from '../shared/forms.jsx';
import { formatDate } from '../shared/format.js';
import { useDirectory } from '../shared/directory.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { addAgreement, endAgreement, getAgreements, LABELS, useDirectoryLists } from './access.js';
import { AgencySelect, DoneNotice, ReasonForm, useSubmit } from './forms.jsx';

export function AgreementsPage() {
  return (
    <RequireAllowed action="access.manage_agreements" title="Information sharing agreements">
      <Agreements />
    </RequireAllowed>
  );
}

function Agreements() {
  const [tick, setTick] = useState(0);
  const loaded = useLoad(getAgreements, `agreements-${tick}`);
  const { agencyName, userName } = useDirectory();
  const [ending, setEnding] = useState(null);
  const [done, setDone] = useState('');
  const changed = (message) => {
    setDone(message);
    setEnding(null);
    setTick((n) => n + 1);
  };
  const agreements = loaded.data || [];
  return (
    <>
      <PageTitle>Information sharing agreements</PageTitle>
      <p class="lead">A partner agency on a person’s care team sees their record only while an agreement with it is in force and the person has given consent. Ending an agreement ends the agency’s access at once.</p>
      {loaded.loading && !loaded.data && <Loading what="Loading the agreements" />}
      <ErrorMessage error={loaded.error} title="The agreements could not be loaded" />
      <DoneNotice message={done} testid="agreements-done" />
      {loaded.data && agreements.length === 0 && <p>No agreements have been recorded.</p>}
      {agreements.length > 0 && (
        <TableWrap label="Information sharing agreements">
          <table class="data" data-testid="agreements">
            <caption>Agreements, in force and ended</caption>
            <thead>
              <tr>
                <th scope="col">Agency</th>
                <th scope="col">Reference</th>
                <th scope="col">What is shared and why</th>
                <th scope="col">From</th>
                <th scope="col">Until</th>
                <th scope="col">Recorded by</th>
                <th scope="col">Standing</th>
              </tr>
            </thead>
            <tbody>
              {agreements.map((agreement) => (
                <tr key={agreement.id} data-agreement={agreement.id}>
                  <td>{agencyName(agreement.agency)}</td>
                  <td>{agreement.reference}</td>
                  <td>{agreement.purpose}</td>
                  <td>{formatDate(agreement.starts_on)}</td>
                  <td>{agreement.ends_on ? formatDate(agreement.ends_on) : 'no end set'}</td>
                  <td>
                    {userName(agreement.recorded_by)}, {formatDate(agreement.recorded_at)}
                  </td>
                  <td>
                    {agreement.ended_on ? (
                      <>
                        Ended {formatDate(agreement.ended_on)} by {userName(agreement.ended_by)}: {agreement.end_reason}
                      </>
                    ) : (
                      <>
                        In force{' '}
                        <button type="button" class="button button--secondary button--small no-print" onClick={() => setEnding(agreement)}>
                          End<span class="visually-hidden"> the agreement {agreement.reference}</span>
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {ending && (
        <ReasonForm
          key={ending.id}
          id="end-agreement"
          heading={`End the agreement ${ending.reference}`}
          hint="The partner agency’s access to records under it ends at once."
          title="The agreement was not ended"
          button="End the agreement"
          send={(reason) => endAgreement(ending.id, reason)}
          onCancel={() => setEnding(null)}
          onEnded={(ended) => changed(`The agreement ${ended.reference} ended on ${formatDate(ended.ended_on)}.`)}
        />
      )}
      <AddForm onAdded={(added) => changed(`Recorded the agreement ${added.reference} with ${agencyName(added.agency)}.`)} />
    </>
  );
}

function AddForm({ onAdded }) {
  const directory = useDirectoryLists();
  const empty = { agency: '', reference: '', purpose: '', starts_on: '', ends_on: '' };
  const [form, setForm] = useState(empty);
  const set = (key) => (event) => setForm({ ...form, [key]: event.currentTarget.value });
  const partners = ((directory.data && directory.data.agencies) || []).filter((agency) => agency.kind !== 'council');
  const sent = useSubmit(
    () => {
      const body = { agency: form.agency, reference: form.reference, purpose: form.purpose };
      for (const key of ['starts_on', 'ends_on']) if (form[key]) body[key] = form[key];
      return addAgreement(body);
    },
    (added) => {
      setForm(empty);
      onAdded(added);
    },
  );
  return (
    <form class="no-print" onSubmit={sent.submit} noValidate aria-labelledby="add-agreement-heading" data-testid="add-agreement">
      <h2 id="add-agreement-heading">Record an agreement</h2>
      <ErrorMessage error={sent.error} title="The agreement was not recorded" labels={LABELS} />
      <AgencySelect id="agreement-agency" label="Partner agency" agencies={partners} value={form.agency} onChange={set('agency')} errors={sent.issues('agency')} />
      <Field id="agreement-reference" label="Reference" hint="The agreement’s title or number, as signed." errors={sent.issues('reference')}>
        {(props) => <input {...props} value={form.reference} onInput={set('reference')} />}
      </Field>
      <Field id="agreement-purpose" label="What is shared and why" errors={sent.issues('purpose')}>
        {(props) => <textarea {...props} rows={3} value={form.purpose} onInput={set('purpose')} />}
      </Field>
      <Field id="agreement-starts" label="In force from (optional)" hint="Today if left empty." errors={sent.issues('starts_on')}>
        {(props) => <input {...props} type="date" value={form.starts_on} onInput={set('starts_on')} />}
      </Field>
      <Field id="agreement-ends" label="Until (optional)" errors={sent.issues('ends_on')}>
        {(props) => <input {...props} type="date" value={form.ends_on} onInput={set('ends_on')} />}
      </Field>
      <button type="submit" class="button" disabled={sent.busy}>
        Record the agreement
      </button>
    </form>
  );
}
