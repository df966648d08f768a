-- name: grant programmes, their lines and stated totals
-- append-only: programmes, programme_lines, programme_stated_totals
-- Released: never edit; change the schema in a new file with the next free number.
CREATE TABLE programmes (
  id {ID_PK},
  name TEXT NOT NULL,
  source_name TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE programme_lines (
  programme_id BIGINT NOT NULL REFERENCES programmes (id),
  sheet_row INTEGER NOT NULL,
  workstream TEXT NOT NULL,
  project TEXT NOT NULL,
  source TEXT NOT NULL,
  financial_year TEXT NOT NULL,
  amount_pence BIGINT NOT NULL CHECK (amount_pence >= 0),
  confirmed INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
  PRIMARY KEY (programme_id, sheet_row)
);
CREATE TABLE programme_stated_totals (
  programme_id BIGINT NOT NULL REFERENCES programmes (id),
  sheet_row INTEGER NOT NULL,
  workstream TEXT NOT NULL,
  project TEXT NOT NULL,
  source TEXT NOT NULL,
  financial_year TEXT NOT NULL,
  amount_pence BIGINT NOT NULL CHECK (amount_pence >= 0),
  PRIMARY KEY (programme_id, sheet_row)
);
