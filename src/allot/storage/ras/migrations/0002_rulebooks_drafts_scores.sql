-- name: published rulebooks, drafts and scores
-- append-only: rulebook_versions, scores
-- Released: never edit; change the schema in a new file with the next free number.
CREATE TABLE rulebook_versions (
  rulebook_id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  title TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  document TEXT NOT NULL,
  published_by TEXT NOT NULL,
  published_at TEXT NOT NULL,
  PRIMARY KEY (rulebook_id, version)
);
CREATE TABLE rulebook_drafts (
  rulebook_id TEXT PRIMARY KEY,
  document TEXT NOT NULL,
  row_version BIGINT NOT NULL CHECK (row_version > 0),
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE scores (
  id {ID_PK},
  rulebook_id TEXT NOT NULL,
  rulebook_version INTEGER NOT NULL,
  answers TEXT NOT NULL,
  result TEXT NOT NULL,
  annual_pence BIGINT NOT NULL,
  scored_by TEXT NOT NULL,
  scored_at TEXT NOT NULL,
  FOREIGN KEY (rulebook_id, rulebook_version) REFERENCES rulebook_versions (rulebook_id, version)
);
CREATE INDEX scores_rulebook ON scores (rulebook_id, rulebook_version, id);
