// A file input that reads the chosen CSV file as text for the request body.
export function FileField({ id, label, hint, onText, error }) {
  const read = async (event) => {
    const file = event.currentTarget.files && event.currentTarget.files[0];
    if (!file) {
      onText(null, null);
      return;
    }
    onText(await file.text(), file.name);
  };
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <input id={id} type="file" accept=".csv,text/csv" onChange={read} aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined} />
    </div>
  );
}

// The CSV columns a sample or population file needs for this rulebook, and the
// same list spaced out for reading.
export function csvHeader(doc) {
  const questions = Array.isArray(doc && doc.questions) ? doc.questions : [];
  return ['person_id', 'client_group', 'current_annual_pence', ...questions.map((question) => question.id)].join(',');
}

export const columnsText = (doc) => csvHeader(doc).split(',').join(', ');
