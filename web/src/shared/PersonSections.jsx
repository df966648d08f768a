// The sections other capabilities show on a person's page (their index.js
// `personSections`: components given the record and a callback for a change
// that the page's own parts, such as the timeline, should show).
import { personRefusals, personSections } from './registry.js';

export function PersonSections({ person, onChanged }) {
  return personSections().map((Section, index) => <Section key={index} person={person} onChanged={onChanged} />);
}

// What the capabilities offer when the person's record is refused (their
// index.js `personRefusals`), such as opening it in an emergency.
export function PersonRefused({ id, error, onOpened }) {
  return personRefusals().map((Offer, index) => <Offer key={index} id={id} error={error} onOpened={onOpened} />);
}
