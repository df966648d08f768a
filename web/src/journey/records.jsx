// What the personal budget journey's pages share about a person's record: the
// Client Level Data code lists (the server's, GET /api/v1/code-lists, so a
// council's corrected lists reach the pages without a rebuild; until they
// arrive, data/codes/cld.json as built into the pages), stages and steps in
// words, names and the record's address.
import { api, enc } from '../shared/api.js';
import cld from '../../../data/codes/cld.json';

export const CODES = { ...cld };
export const codeList = (name) => (Array.isArray(CODES[name]) ? CODES[name] : []);
// Fetches the server's code lists into CODES; the built-in lists stay if it fails.
export const loadCodeLists = () =>
  api
    .get('/code-lists')
    .then((lists) => {
      if (lists && typeof lists === 'object') Object.assign(CODES, lists);
    })
    .catch(() => {});
export function codeLabel(name, code) {
  if (code === null || code === undefined || code === '') return '';
  const found = codeList(name).find((item) => item.code === code);
  return found ? found.label : String(code).replace(/_/g, ' ');
}

export const STAGES = [
  { code: 'screening', label: 'Screening' },
  { code: 'enablement', label: 'Enablement' },
  { code: 'assessment', label: 'Assessment' },
  { code: 'support_planning', label: 'Support planning' },
  { code: 'awaiting_sign_off', label: 'Awaiting sign-off' },
  { code: 'active', label: 'Active (budget agreed)' },
  { code: 'closed', label: 'Closed' },
];
export const stageLabel = (stage) => (stage ? STAGES.find((item) => item.code === stage)?.label || String(stage).replace(/_/g, ' ') : 'No open case');

export const STEP_LABELS = {
  contact: 'Record a contact',
  screen: 'Screen',
  end_enablement: 'End enablement',
  assess: 'Assess needs',
  agree_equipment_budget: 'Agree an equipment budget',
  save_plan: 'Build the support plan',
  submit_plan: 'Submit the plan for sign-off',
  decide: 'Sign off the plan',
  review: 'Record a review',
  close: 'Close the case',
  carer_first_stage: 'Carer’s first-stage assessment',
  carer_full_assessment: 'Full carer’s assessment',
};

export const fullName = (person) => (person ? `${person.given_name || ''} ${person.family_name || ''}`.trim() : '');

// A select of one Client Level Data code list (or of `options`, {code,label} each).
export function CodeSelect({ list, value, onChange, blank = 'Choose…', options, ...props }) {
  const items = options || codeList(list);
  return (
    <select {...props} value={value ?? ''} onChange={(event) => onChange(event.currentTarget.value)}>
      <option value="">{blank}</option>
      {items.map((item) => (
        <option key={item.code} value={item.code}>
          {item.label}
        </option>
      ))}
    </select>
  );
}

export const personPath = (id) => `/people/${enc(id)}`;
export const getPerson = (id) => api.get(`/people/${enc(id)}`);

