// Form fields the pages share: a labelled field that shows the API's issues next
// to it, a rulebook question as radio buttons, and a file input read as text.
import { list } from './rulebook.js';

export function FieldError({ id, messages }) {
  if (!messages || messages.length === 0) return null;
  return (
    <p class="field-error" id={id}>
      <span class="visually-hidden">Error:</span> {messages.join('; ')}
    </p>
  );
}

// A labelled field; `children` receives the props that tie the input to its hint and errors.
export function Field({ id, label, hint, errors, children, inline }) {
  const described = [hint ? `${id}-hint` : '', errors && errors.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${inline ? ' field--inline' : ''}${errors && errors.length ? ' question--error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={errors} />
      {children({ id, 'aria-describedby': described, 'aria-invalid': errors && errors.length ? 'true' : undefined })}
    </div>
  );
}

// One question of a rulebook (docs/rulebooks.md): its answers as radio buttons.
export function Question({ question, value, onChoose, missing }) {
  const base = `q-${question.id}`;
  const described = [question.help ? `${base}-hint` : '', missing ? `${base}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={`question${missing ? ' question--error' : ''}`} id={base} aria-describedby={described}>
      <legend>{question.text}</legend>
      {question.help && (
        <p class="hint" id={`${base}-hint`}>
          {question.help}
        </p>
      )}
      {missing && (
        <p class="field-error" id={`${base}-error`}>
          <span class="visually-hidden">Error:</span> Choose one answer
        </p>
      )}
      <div class="radios">
        {list(question.answers).map((answer) => {
          const inputId = `${base}--${answer.id}`;
          return (
            <div class="radio" key={answer.id}>
              <input type="radio" id={inputId} name={base} value={answer.id} checked={value === answer.id} onChange={() => onChoose(question.id, answer.id)} />
              <label for={inputId}>{answer.text}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

// A file input that reads the chosen file as text for the request body
// (`onText(text, name)`, or `(null, null)` when the choice is cleared).
export function FileField({ id, label, hint, onText, error, accept = '.csv,text/csv' }) {
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
      <input id={id} type="file" accept={accept} onChange={read} aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined} />
    </div>
  );
}
