-- name: integrated budgets: commitments from agreed personal budgets, kept in step with people's records
-- Released: never edit; change the schema in a new file with the next free number.
CREATE TABLE budget_commitments (
  id {ID_PK},
  person_id BIGINT NOT NULL REFERENCES people (id),
  locality TEXT NOT NULL,
  client_group TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT,
  council_recurring_pence BIGINT NOT NULL,
  council_one_off_pence BIGINT NOT NULL,
  nhs_recurring_pence BIGINT NOT NULL,
  nhs_one_off_pence BIGINT NOT NULL,
  contribution_annual_pence BIGINT NOT NULL,
  protection_annual_pence BIGINT NOT NULL,
  protection_review_due TEXT,
  previous_package_annual_pence BIGINT NOT NULL,
  person_row_version BIGINT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX budget_commitments_open ON budget_commitments (end_date, person_id);
-- One open commitment a person: two servers bringing commitments up to date at
-- once cannot both add one.
CREATE UNIQUE INDEX budget_commitments_one_open ON budget_commitments (person_id) WHERE end_date IS NULL;
CREATE INDEX budget_commitments_start ON budget_commitments (start_date);
CREATE TABLE budget_sync (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
-- The fingerprint of people's records (count, versions, last change) is read
-- before every figure; this index answers it without reading the records.
CREATE INDEX budget_people_changes ON people (updated_at, row_version);
