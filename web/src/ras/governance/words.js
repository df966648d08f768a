// A rulebook's governance in words: statuses, steps and the paths of a rulebook
// document's problems, so every page says the same thing the same way.
import { formatDate } from '../../shared/format.js';

export const STATUS_WORDS = {
  draft: 'Draft',
  proposed: 'Proposed, awaiting approval',
  approved: 'Approved',
  rejected: 'Rejected',
};

export const STEP_WORDS = {
  published: 'Published',
  drafted: 'Drafted',
  proposed: 'Proposed',
  approved: 'Approved',
  rejected: 'Rejected',
};

export const ORIGIN_WORDS = { upload: 'uploaded', calibration: 'calibrated' };

export const draftUrl = (id, version) => `/rulebooks/${encodeURIComponent(id)}/drafts/${encodeURIComponent(version)}`;
export const draftPath = (id, version) => `/rulebooks/${encodeURIComponent(id)}/drafts/${encodeURIComponent(version)}`;

// "questions[2].answers[0].points" -> "Question 3, answer 1: points"; the API
// keeps its paths, a person reads positions counted from one.
export function rulebookPathLabel(path) {
  if (!path) return '';
  const FIELD = {
    id: 'Rulebook id',
    version: 'Version',
    title: 'Title',
    effective_from: 'Effective from',
    allocation: 'Allocation',
    questions: 'Questions',
    body: 'The file',
  };
  if (FIELD[path]) return FIELD[path];
  const parts = [];
  for (const segment of String(path).split('.')) {
    const match = segment.match(/^([a-z_]+)\[(\d+)\]$/);
    if (match) {
      const noun = match[1].replace(/_/g, ' ').replace(/s$/, '');
      parts.push(`${noun} ${Number(match[2]) + 1}`);
    } else {
      parts.push(segment.replace(/_/g, ' '));
    }
  }
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// One line of a history: "Proposed by analyst (demo-council), 22 Nov 2026 09:00, to take effect 1 Dec 2026".
export function stepLine(step) {
  const parts = [`${STEP_WORDS[step.step] || step.step} by ${step.by}`];
  if (step.effective_from && step.step !== 'rejected') parts.push(`in force from ${formatDate(step.effective_from)}`);
  return parts.join(', ');
}
