// Upload a rulebook file (JSON) as a draft version. The server checks it whole
// and lists every problem; each is shown with its place in the rulebook in words.
import { useState } from 'preact/hooks';
import { api } from '../../shared/api.js';
import { ErrorMessage } from '../../shared/components.jsx';
import { pageError } from '../../shared/errors.js';
import { FileField } from '../../shared/forms.jsx';
import { navigate } from '../../shared/router.js';
import { draftUrl, rulebookPathLabel } from './words.js';

export function UploadRulebook() {
  const [file, setFile] = useState({ text: null, name: null });
  const [fileProblem, setFileProblem] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  // ErrorMessage takes the focus, so the problems are read out at once.
  const showError = setError;

  const submit = async (event) => {
    event.preventDefault();
    setError(null);
    if (!file.text) {
      setFileProblem('Choose a rulebook file (JSON)');
      showError(pageError('Check the form.', ['Choose a rulebook file (JSON)']));
      return;
    }
    setFileProblem(null);
    let parsed;
    try {
      parsed = JSON.parse(file.text);
    } catch (caught) {
      showError(pageError(`${file.name} is not a rulebook: it is not valid JSON.`, [String(caught.message || caught)]));
      return;
    }
    setBusy(true);
    try {
      const draft = await api.post('/rulebooks', parsed);
      navigate(draftUrl(draft.id, draft.version));
    } catch (caught) {
      showError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="upload" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload a rulebook</h2>
      <p>
        An uploaded rulebook becomes a <strong>draft version</strong>. It is used by nobody until an analyst proposes it with an effective date and a simulation, and a
        second person with the approving role approves it.
      </p>
      <ErrorMessage error={error} title="The rulebook was not stored" labels={rulebookPathLabel} />
      <form onSubmit={submit} noValidate class="narrow">
        <FileField
          id="rulebook-file"
          label="Rulebook file (JSON)"
          hint="A rulebook document as docs/rulebooks.md describes it, with a version number not used before."
          accept=".json,application/json"
          error={fileProblem}
          onText={(text, name) => setFile({ text, name })}
        />
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Uploading…' : 'Upload as a draft'}
        </button>
      </form>
    </section>
  );
}
