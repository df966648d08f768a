// The address gazetteer: an administrator imports the council's CSV (uprn,
// postcode, address, latitude, longitude; data/addresses/README.md), every bad
// row is reported with its row number, and anyone who looks up addresses can
// find them by postcode.
import { useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { ErrorMessage, PageTitle, TableWrap } from '../shared/components.jsx';
import { FileField } from '../shared/forms.jsx';
import { formatDate } from '../shared/format.js';
import { can } from '../shared/permissions.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { useSession } from '../shared/session.js';

export function GazetteerPage() {
  return (
    <RequireAllowed action="addresses.read" title="Address gazetteer">
      <Gazetteer />
    </RequireAllowed>
  );
}

function Gazetteer() {
  const session = useSession();
  return (
    <>
      <PageTitle>Address gazetteer</PageTitle>
      <p>A person’s location comes from their postcode and address in the council’s gazetteer, so nobody types latitude and longitude.</p>
      {can(session, 'addresses.import') && <ImportForm />}
      <Lookup />
    </>
  );
}

function ImportForm() {
  const [file, setFile] = useState(null);
  const [error, setError] = useState(null);
  const [done, setDone] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    if (!file) {
      setError({ message: 'Choose the gazetteer file (CSV) first.' });
      return;
    }
    setBusy(true);
    try {
      setDone(await api.postText(`/addresses/imports?file=${encodeURIComponent(file.name)}`, file.text, 'text/csv'));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="gazetteer-import-heading">
      <h2 id="gazetteer-import-heading">Import the gazetteer</h2>
      <ErrorMessage error={error} title="The gazetteer was not imported" />
      {done && (
        <p class="notice" role="status" data-testid="gazetteer-imported">
          Imported {done.addresses} addresses from {done.source_name} on {formatDate(done.imported_at)}; look-ups now use them.
        </p>
      )}
      <FileField id="gazetteer-file" label="Gazetteer (CSV)" hint="Columns: uprn, postcode, address, latitude, longitude. A row needs a postcode or a UPRN." onText={(text, name) => setFile(text === null ? null : { text, name })} />
      <button type="submit" class="button" disabled={busy}>
        Import
      </button>
    </form>
  );
}

function Lookup() {
  const [postcode, setPostcode] = useState('');
  const [found, setFound] = useState(null);
  const [error, setError] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    setError(null);
    try {
      const body = await api.get(`/addresses?postcode=${encodeURIComponent(postcode)}`);
      setFound(body.addresses);
    } catch (caught) {
      setFound(null);
      setError(caught);
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="gazetteer-lookup-heading">
      <h2 id="gazetteer-lookup-heading">Find addresses by postcode</h2>
      <ErrorMessage error={error} title="The addresses could not be found" labels={{ postcode: 'Postcode' }} />
      <div class="field field--inline">
        <label for="gazetteer-postcode">Postcode</label>
        <input id="gazetteer-postcode" class="input--short" value={postcode} onInput={(event) => setPostcode(event.currentTarget.value)} />
        <button type="submit" class="button button--small">
          Find
        </button>
      </div>
      {found && (found.length === 0 ? (
        <p role="status">The gazetteer has no address with this postcode.</p>
      ) : (
        <TableWrap label="Addresses">
          <table class="data" data-testid="addresses">
            <caption class="visually-hidden">Addresses with this postcode</caption>
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">Postcode</th>
                <th scope="col">UPRN</th>
                <th scope="col">Latitude, longitude</th>
              </tr>
            </thead>
            <tbody>
              {found.map((address) => (
                <tr key={address.uprn || address.address}>
                  <td>{address.address}</td>
                  <td>{address.postcode}</td>
                  <td>{address.uprn}</td>
                  <td>
                    {address.latitude}, {address.longitude}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ))}
    </form>
  );
}
