// The sections other capabilities show on a person's page (their index.js
// `personSections`: components given the record and a callback for a change
// that the page's own parts, such as the timeline, should show).
import { personSections } from './registry.js';

export function PersonSections({ person, onChanged }) {
  return personSections().map((Section, index) => <Section key={index} person={person} onChanged={onChanged} />);
}
