// The CSV columns a sample or population file needs for this rulebook, and the
// same list spaced out for reading.
export function csvHeader(doc) {
  const questions = Array.isArray(doc && doc.questions) ? doc.questions : [];
  return ['person_id', 'client_group', 'current_annual_pence', ...questions.map((question) => question.id)].join(',');
}

export const columnsText = (doc) => csvHeader(doc).split(',').join(', ');
