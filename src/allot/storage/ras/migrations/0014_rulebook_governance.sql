-- name: rulebook versions under governance: drafts, proposals, approvals and their history
-- append-only: rulebook_steps
-- Released: never edit; change the schema in a new file with the next free number.
-- A draft version is stored here until it is approved; approval copies it into
-- rulebook_versions (published, immutable) with its effective date. The status
-- changes, guarded by row_version; every step is also kept in rulebook_steps.
CREATE TABLE rulebook_draft_versions (
  rulebook_id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  title TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('upload', 'calibration')),
  document TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'proposed', 'approved', 'rejected')),
  effective_from TEXT,
  simulation TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  proposed_by TEXT,
  row_version BIGINT NOT NULL CHECK (row_version > 0),
  PRIMARY KEY (rulebook_id, version)
);
CREATE TABLE rulebook_steps (
  id {ID_PK},
  rulebook_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  step TEXT NOT NULL CHECK (step IN ('drafted', 'proposed', 'approved', 'rejected')),
  actor TEXT NOT NULL,
  agency TEXT NOT NULL,
  at TEXT NOT NULL,
  effective_from TEXT,
  note TEXT NOT NULL
);
CREATE INDEX rulebook_steps_rulebook ON rulebook_steps (rulebook_id, id);
