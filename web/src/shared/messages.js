// The one mapping from the API's issue paths and codes to the words a person
// reads on a page. The API keeps its paths ("lines[2].unit_cost_pence") and
// codes ("invalid_value") for programs; every staff form shows the field's label
// and a plain sentence instead ("Line 3: Cost per unit must be an amount of
// pounds and pence, like 18.50").

// A field's label by the last part of its path. Pages may pass their own labels
// for paths they name differently; these are the words every form shares.
export const FIELD_LABELS = {
  given_name: 'Given name',
  family_name: 'Family name',
  date_of_birth: 'Date of birth',
  nhs_number: 'NHS number',
  address: 'Address',
  postcode: 'Postcode',
  latitude: 'Latitude',
  longitude: 'Longitude',
  primary_support_reason: 'Primary support reason',
  client_group: 'Client group',
  has_unpaid_carer: 'Has an unpaid carer',
  accommodation_status: 'Accommodation',
  employment_status: 'Employment',
  locality: 'Locality',
  team: 'Team',
  cares_for: 'Cares for',
  date: 'Date',
  route_of_access: 'Route of access',
  requested_by: 'Requested by',
  joint_screening: 'Screened jointly with the NHS',
  joint: 'Joint with the NHS',
  outcome: 'Decision',
  planned_end: 'Planned end of enablement',
  reason: 'Reason',
  description: 'Description',
  amount_pence: 'Amount',
  start: 'Start',
  agreed_annual_pence: 'Agreed amount a year',
  previous_package_annual_pence: 'Previous package cost',
  rulebook_id: 'Rulebook',
  rulebook_version: 'Rulebook version',
  answers: 'Answers',
  eligibility: 'Eligibility',
  band: 'Band',
  professions: 'Professions present',
  expected_version: 'Plan version',
  version: 'Plan version',
  outcomes: 'Outcomes',
  lines: 'Plan lines',
  service_component: 'Service',
  provider: 'Provider',
  unit: 'Unit',
  unit_cost_pence: 'Cost per unit',
  units_per_week: 'Units a week',
  one_off_pence: 'One-off cost',
  delivery: 'Delivery option',
  nhs_percent: 'NHS share (%)',
  held_on: 'Date of the meeting',
  members: 'Members present',
  decisions: 'Decisions',
  name: 'Name',
  role: 'Role',
  agency: 'Agency',
  person_id: 'Person',
  plan_version: 'Plan version',
  row_version: 'Record version',
  document: 'Draft',
  hours_caring_per_week: 'Hours caring a week',
  completed_by: 'Completed by',
  purpose: 'What it is for',
  by: 'Due by',
};

// What one item of a list is called: "lines[2]" is "Line 3".
const ITEM_NAMES = { lines: 'Line', decisions: 'Decision', members: 'Member', outcomes: 'Outcome', professions: 'Profession' };

const DATE_FIELDS = /(^|_)(date|start|end|held_on|date_of_birth|planned_end|review_due|by|effective_from)$/;

const FIELD_PATH = /^[a-z_][a-z0-9_]*(\[\d+\])?(\.[a-z_][a-z0-9_]*(\[\d+\])?)*$/;

function sentenceCase(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

// "lines[2].unit_cost_pence" -> { where: "Line 3", label: "Cost per unit", leaf: "unit_cost_pence" }.
export function describePath(path, labels) {
  if (!path) return { where: '', label: '', leaf: '' };
  const own = labels ? (typeof labels === 'function' ? labels(path) : labels[path]) : null;
  const parts = String(path).split('.');
  const leafPart = parts[parts.length - 1];
  const leaf = leafPart.replace(/\[\d+\]$/, '');
  const places = [];
  for (const part of parts.slice(0, -1)) {
    const item = part.match(/^([a-z_]+)\[(\d+)\]$/);
    if (item) places.push(`${ITEM_NAMES[item[1]] || sentenceCase(item[1].replace(/_/g, ' '))} ${Number(item[2]) + 1}`);
  }
  const leafItem = leafPart.match(/^([a-z_]+)\[(\d+)\]$/);
  if (leafItem && ITEM_NAMES[leafItem[1]] && !own) return { where: places.join(', '), label: `${ITEM_NAMES[leafItem[1]]} ${Number(leafItem[2]) + 1}`, leaf };
  const label = own || FIELD_LABELS[leaf] || sentenceCase(leaf.replace(/_pence$/, '').replace(/_/g, ' '));
  return { where: own ? '' : places.join(', '), label, leaf };
}

// The sentence for one problem with a field, from its code and the API's message.
function sentence(label, leaf, code, message) {
  const text = String(message || '');
  const money = /_pence$/.test(leaf);
  const range = text.match(/must be from (-?[\d.]+) to (-?[\d.]+)/);
  const length = text.match(/at most (\d+) characters/);
  if (code === 'missing_field' || /^is required/.test(text)) return `${label} is needed`;
  if (/must not be empty|must not be blank|only spaces/.test(text)) return `${label} must not be empty`;
  if (length) return `${label} must be ${length[1]} characters or fewer`;
  if (/control character/.test(text)) return `${label} must not contain control characters such as tabs or line breaks`;
  if (money) {
    if (/negative/.test(text)) return `${label} cannot be negative`;
    if (/too large|overflow|does not fit|at most/.test(text)) return `${label} is too large`;
    if (code === 'wrong_type' || /whole|number|pence|decimal/.test(text)) return `${label} must be a whole number of pounds and pence, like 18.50`;
  }
  if (DATE_FIELDS.test(leaf) && /date|YYYY/.test(text)) return `${label} must be a date, like 29 Nov 2026`;
  if (/expected one of|unknown (answer|code)|not one of|is not a code/.test(text)) return `Choose ${label.toLowerCase()} from the list`;
  if (range) return `${label} must be from ${range[1]} to ${range[2]}`;
  if (/expected true or false/.test(text)) return `Answer yes or no for ${label.toLowerCase()}`;
  if (/expected a whole number/.test(text)) return `${label} must be a whole number`;
  if (/expected a (decimal )?number/.test(text)) return `${label} must be a number, like 3.5`;
  if (/negative/.test(text)) return `${label} cannot be negative`;
  // Anything else: the API's own words without the raw value it quotes.
  const plain = text.replace(/;?\s*found .*$/, '').replace(/^expected /, 'must be ').trim();
  if (!plain) return `${label} is not valid`;
  return /^(must|is|are|cannot|can|should|has|needs|does)\b/.test(plain) ? `${label} ${plain}` : `${label}: ${plain}`;
}

// Codes inside a sentence from the API ("the stage is awaiting_sign_off") as
// words ("the stage is awaiting sign off"); the first letter a capital.
export function plainText(text) {
  return sentenceCase(String(text ?? '').replace(/\b[a-z]+(?:_[a-z0-9]+)+\b/g, (code) => code.replace(/_/g, ' ')));
}

// One issue {path, code, message} as a plain line: "Line 3: Cost per unit must be …".
export function plainIssue(issue, labels) {
  if (!issue) return '';
  if (!issue.path) return plainText(issue.message);
  // A refusal by the case's state names "step" or "body": its message is already words.
  if (issue.path === 'step' || issue.path === 'body') return plainText(issue.message);
  // A place in a file ("line 3", "visits.csv:42") is already what a person looks for.
  if (!FIELD_PATH.test(issue.path)) return `${issue.path}: ${issue.message}`;
  const { where, label, leaf } = describePath(issue.path, labels);
  const line = sentence(label, leaf, issue.code, issue.message);
  return where ? `${where}: ${line}` : line;
}

// The message for a field shown next to it (the label is right there, but a
// sentence that names it reads the same to a screen reader user who jumps to it).
export const fieldMessage = (issue, labels) => sentence(describePath(issue.path, labels).label, describePath(issue.path, labels).leaf, issue.code, issue.message);
