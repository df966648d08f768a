-- name: jobs kept while they run and after they end
-- Released: never edit; change the schema in a new file with the next free number.
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  owner TEXT NOT NULL,
  agency TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  done BIGINT NOT NULL,
  total BIGINT NOT NULL,
  detail TEXT NOT NULL,
  result TEXT,
  error TEXT,
  cancel_requested INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX jobs_owner ON jobs (owner, created_at);
