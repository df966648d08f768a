-- name: integrated budgets: requests to a fast-access budget and their decisions
-- Released: never edit; change the schema in a new file with the next free number.
CREATE TABLE fast_access_requests (
  id {ID_PK},
  budget_id BIGINT NOT NULL REFERENCES budgets (id),
  person_reference TEXT NOT NULL,
  purpose TEXT NOT NULL,
  amount_pence BIGINT NOT NULL CHECK (amount_pence > 0),
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('', 'approved', 'refused')),
  decided_by TEXT NOT NULL,
  decided_at TEXT,
  reason TEXT NOT NULL
);
CREATE INDEX fast_access_requests_budget ON fast_access_requests (budget_id, id);
