-- name: charging rules versions and financial assessments
-- append-only: charging_rules_versions, financial_assessments
-- Released: never edit; change the schema in a new file with the next free number.
CREATE TABLE charging_rules_versions (
  rules_id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  title TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  document TEXT NOT NULL,
  published_by TEXT NOT NULL,
  published_at TEXT NOT NULL,
  PRIMARY KEY (rules_id, version)
);
CREATE TABLE financial_assessments (
  id {ID_PK},
  person_id BIGINT NOT NULL REFERENCES people (id),
  rules_id TEXT NOT NULL,
  rules_version INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('assessed', 'deferred', 'refused')),
  reason TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  assessment TEXT NOT NULL,
  calculation TEXT NOT NULL,
  weekly_cost_pence BIGINT NOT NULL CHECK (weekly_cost_pence >= 0),
  assessed_weekly_pence BIGINT NOT NULL CHECK (assessed_weekly_pence >= 0),
  contribution_pence BIGINT NOT NULL CHECK (contribution_pence >= 0 AND contribution_pence <= weekly_cost_pence),
  full_cost INTEGER NOT NULL CHECK (full_cost IN (0, 1)),
  recorded_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  FOREIGN KEY (rules_id, rules_version) REFERENCES charging_rules_versions (rules_id, version)
);
CREATE INDEX financial_assessments_person ON financial_assessments (person_id, effective_from, id);
