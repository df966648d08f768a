// Differences between two rulebook documents, row by row, for the side-by-side
// view. Questions and answers are matched by id; everything else by name.
import { formatPence } from '../../shared/format.js';
import { bandsOf, list, methodOf, pointValuePence, ratesOf, unitsText } from '../../shared/rulebook.js';

// Documents may list an object's keys in any order (a stored document keeps its
// author's order; a generated one is sorted), so compare with keys sorted.
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical(value[key])]),
    );
  }
  return value;
}
const same = (a, b) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

function statusOf(before, after) {
  if (before === undefined) return 'added';
  if (after === undefined) return 'removed';
  return same(before, after) ? 'same' : 'changed';
}

function row(label, before, after, extra = {}) {
  return { label, before, after, status: statusOf(before, after), ...extra };
}

// Keys in first-appearance order across both lists.
function union(aKeys, bKeys) {
  const keys = [...aKeys];
  for (const key of bKeys) if (!keys.includes(key)) keys.push(key);
  return keys;
}

export function diffRulebooks(a, b) {
  const general = [
    row('Title', a.title, b.title),
    row('Description', a.description, b.description),
    row('In use from', a.effective_from, b.effective_from),
    row('Range (±%)', a.range_percent, b.range_percent),
  ].filter((entry) => entry.before !== undefined || entry.after !== undefined);

  const allocation = [row('Method', methodOf(a), methodOf(b))];
  const pointA = methodOf(a) === 'points' ? pointValuePence(a) : undefined;
  const pointB = methodOf(b) === 'points' ? pointValuePence(b) : undefined;
  if (pointA !== undefined || pointB !== undefined) {
    allocation.push(row('Value of a point (a year)', pointA === undefined ? undefined : formatPence(pointA), pointB === undefined ? undefined : formatPence(pointB)));
  }
  const bandText = (band) => `${band.label}: ${formatPence(band.annualPence)}`;
  const bandKey = (band) => `${band.from}–${band.to} points`;
  const bandsA = new Map(bandsOf(a).map((band) => [bandKey(band), bandText(band)]));
  const bandsB = new Map(bandsOf(b).map((band) => [bandKey(band), bandText(band)]));
  for (const key of union([...bandsA.keys()], [...bandsB.keys()])) allocation.push(row(`Band ${key}`, bandsA.get(key), bandsB.get(key)));
  const ratesA = new Map(ratesOf(a).map((rate) => [rate.unit, formatPence(rate.pence)]));
  const ratesB = new Map(ratesOf(b).map((rate) => [rate.unit, formatPence(rate.pence)]));
  for (const unit of union([...ratesA.keys()], [...ratesB.keys()])) allocation.push(row(`Rate: ${unit.replace(/_/g, ' ')}`, ratesA.get(unit), ratesB.get(unit)));

  const questionsA = new Map(list(a.questions).map((question) => [question.id, question]));
  const questionsB = new Map(list(b.questions).map((question) => [question.id, question]));
  const questions = union([...questionsA.keys()], [...questionsB.keys()]).map((id) => {
    const before = questionsA.get(id);
    const after = questionsB.get(id);
    const answersA = new Map(list(before && before.answers).map((answer) => [answer.id, answer]));
    const answersB = new Map(list(after && after.answers).map((answer) => [answer.id, answer]));
    const answers = union([...answersA.keys()], [...answersB.keys()]).map((answerId) => {
      const answerA = answersA.get(answerId);
      const answerB = answersB.get(answerId);
      return {
        id: answerId,
        status: statusOf(answerA, answerB),
        text: row('Answer', answerA && answerA.text, answerB && answerB.text),
        points: row('Points', answerA && answerA.points, answerB && answerB.points),
        units: row('Support a week', answerA && unitsText(answerA.units_per_week), answerB && unitsText(answerB.units_per_week)),
      };
    });
    return {
      id,
      status: statusOf(before, after),
      text: row('Question', before && before.text, after && after.text),
      domain: row('Domain', before && before.domain, after && after.domain),
      help: row('Help', before && before.help, after && after.help),
      defaultAnswer: row('Default answer', before && before.default, after && after.default),
      answers,
    };
  });

  const adjustmentKey = (adjustment) => `${adjustment.kind || 'other'}:${adjustment.question}`;
  // Factors in the order of the question's answers, whatever order the document keeps.
  const adjustmentText = (doc, adjustment) => {
    const question = list(doc.questions).find((candidate) => candidate.id === adjustment.question);
    const order = list(question && question.answers).map((answer) => answer.id);
    const rank = (answerId) => (order.includes(answerId) ? order.indexOf(answerId) : order.length);
    return (
      `${adjustment.label || adjustment.kind} on “${adjustment.question}”: ` +
      Object.entries(adjustment.factors || {})
        .sort(([x], [y]) => rank(x) - rank(y) || (x < y ? -1 : 1))
        .map(([answer, factor]) => `${answer} × ${factor}`)
        .join(', ')
    );
  };
  const adjA = new Map(list(a.adjustments).map((adjustment) => [adjustmentKey(adjustment), adjustmentText(a, adjustment)]));
  const adjB = new Map(list(b.adjustments).map((adjustment) => [adjustmentKey(adjustment), adjustmentText(b, adjustment)]));
  const adjustments = union([...adjA.keys()], [...adjB.keys()]).map((key) => row(key.replace(':', ' on '), adjA.get(key), adjB.get(key)));

  const flagText = (flag) =>
    Object.entries(flag)
      .filter(([key]) => key !== 'flag')
      .map(([key, value]) => `${key.replace(/_pence$/, '').replace(/_/g, ' ')} ${/_pence$/.test(key) ? formatPence(value) : value}`)
      .join(', ');
  const flagsA = new Map(list(a.review_flags).map((flag) => [flag.flag, flagText(flag)]));
  const flagsB = new Map(list(b.review_flags).map((flag) => [flag.flag, flagText(flag)]));
  const flags = union([...flagsA.keys()], [...flagsB.keys()]).map((key) => row(`Flag ${String(key).replace(/_/g, ' ')}`, flagsA.get(key), flagsB.get(key)));

  const count = (status) => questions.filter((question) => question.status === status).length;
  const answerChanges = questions.reduce((sum, question) => sum + question.answers.filter((answer) => answer.status !== 'same').length, 0);
  return {
    general,
    allocation,
    questions,
    adjustments,
    flags,
    summary: {
      questionsAdded: count('added'),
      questionsRemoved: count('removed'),
      questionsChanged: count('changed'),
      answerChanges,
      otherChanges: [...general, ...allocation, ...adjustments, ...flags].filter((entry) => entry.status !== 'same').length,
    },
  };
}
