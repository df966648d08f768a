// Reading a rulebook document (format "allot-rulebook/1") for display. The pages
// only show documents the server has already validated, but read them defensively
// so a field added later does not break a page.

export const list = (value) => (Array.isArray(value) ? value : []);

// Questions grouped by domain, in the order the domains first appear.
export function questionsByDomain(doc) {
  const groups = [];
  const byName = new Map();
  for (const question of list(doc && doc.questions)) {
    const name = question.domain || 'Other questions';
    if (!byName.has(name)) {
      const group = { domain: name, questions: [] };
      byName.set(name, group);
      groups.push(group);
    }
    byName.get(name).questions.push(question);
  }
  return groups;
}

export function defaultAnswerId(question) {
  const answers = list(question.answers);
  const wanted = question.default ?? question.default_answer;
  if (typeof wanted === 'number' && answers[wanted]) return answers[wanted].id;
  if (typeof wanted === 'string' && answers.some((answer) => answer.id === wanted)) return wanted;
  return undefined;
}

export function initialAnswers(doc) {
  const answers = {};
  for (const question of list(doc && doc.questions)) {
    const id = defaultAnswerId(question);
    if (id !== undefined) answers[question.id] = id;
  }
  return answers;
}

export function allocationOf(doc) {
  return (doc && doc.allocation) || {};
}

export function methodOf(doc) {
  return String(allocationOf(doc).method || 'points');
}

// The annual value of one point, in pence, for the points method.
export function pointValuePence(doc) {
  const allocation = allocationOf(doc);
  for (const key of ['pence_per_point', 'point_value_pence', 'value_of_point_pence', 'annual_pence_per_point']) {
    if (allocation[key] !== undefined) return allocation[key];
  }
  return undefined;
}

export function bandsOf(doc) {
  return list(allocationOf(doc).bands).map((band) => ({
    from: band.from_points ?? band.from,
    to: band.to_points ?? band.to,
    label: band.label || '',
    annualPence: band.annual_pence ?? band.amount_pence ?? band.annual,
  }));
}

// Rates as [{unit, pence}] whether stored as a map or a list.
export function ratesOf(doc) {
  const rates = allocationOf(doc).rates;
  if (Array.isArray(rates)) {
    return rates.map((rate) => ({ unit: rate.unit || rate.id, pence: rate.pence ?? rate.rate_pence ?? rate.pence_per_unit }));
  }
  if (rates && typeof rates === 'object') {
    return Object.entries(rates).map(([unit, value]) => ({
      unit,
      pence: value && typeof value === 'object' ? value.pence ?? value.rate_pence ?? value.pence_per_unit : value,
    }));
  }
  return [];
}

export function unitLabel(unit) {
  return String(unit).replace(/_/g, ' ');
}

// "3.5", 3.5, "7/2" or {"numerator":7,"denominator":2} -> readable text.
export function fractionText(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    const n = value.numerator ?? value.num;
    const d = value.denominator ?? value.den;
    if (n !== undefined && d !== undefined) return Number(d) === 1 ? String(n) : formatRatio(Number(n) / Number(d));
    return JSON.stringify(value);
  }
  return String(value);
}

function formatRatio(x) {
  return Number.isFinite(x) ? String(Math.round(x * 10000) / 10000) : '';
}

export function unitsText(unitsPerWeek) {
  if (!unitsPerWeek || typeof unitsPerWeek !== 'object') return '';
  return Object.entries(unitsPerWeek)
    .map(([unit, amount]) => {
      const label = unitLabel(unit);
      const plural = Number(amount) !== 1 && !label.endsWith('s') ? `${label}s` : label;
      return `${fractionText(amount)} ${plural} a week`;
    })
    .join(', ');
}

// Which question an adjustment depends on: an id, or an index into questions.
export function adjustmentQuestion(doc, adjustment) {
  const ref = adjustment.question ?? adjustment.question_id;
  const questions = list(doc && doc.questions);
  if (typeof ref === 'number') return questions[ref];
  return questions.find((question) => question.id === ref);
}

export function adjustmentFactors(adjustment) {
  return adjustment.factors ?? adjustment.factor_by_answer ?? [];
}

export const versionLabel = (version) => `version ${version.version}${version.title ? `: ${version.title}` : ''}`;
