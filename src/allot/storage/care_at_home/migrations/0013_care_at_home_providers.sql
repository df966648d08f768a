-- name: care at home providers and their inspections
-- append-only: provider_inspections
-- Released: never edit; change the schema in a new file with the next free number.
CREATE TABLE providers (
  id {ID_PK},
  name TEXT NOT NULL UNIQUE,
  former_framework TEXT NOT NULL,
  services TEXT NOT NULL,
  areas TEXT NOT NULL,
  capacity_hours_per_week INTEGER NOT NULL CHECK (capacity_hours_per_week >= 0),
  added_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  added_at TEXT NOT NULL
);
CREATE TABLE provider_inspections (
  id {ID_PK},
  provider_id BIGINT NOT NULL REFERENCES providers (id),
  inspected_on TEXT NOT NULL,
  grades TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX provider_inspections_by_provider ON provider_inspections (provider_id, inspected_on);
