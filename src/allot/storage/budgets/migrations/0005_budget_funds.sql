-- name: integrated budgets: funds (council core, NHS contribution, grants)
-- Released: never edit; change the schema in a new file with the next free number.
CREATE TABLE budget_funds (
  id {ID_PK},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('council_core', 'nhs_contribution', 'grant')),
  owner_agency TEXT NOT NULL,
  conditions TEXT NOT NULL,
  end_date TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
