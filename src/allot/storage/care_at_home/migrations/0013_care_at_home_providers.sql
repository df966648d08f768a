-- name: care at home providers, their inspections and rate cards, and packages
-- append-only: provider_inspections, provider_rate_cards
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
CREATE TABLE provider_rate_cards (
  id {ID_PK},
  provider_id BIGINT NOT NULL REFERENCES providers (id),
  service TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  day_hourly_pence BIGINT NOT NULL CHECK (day_hourly_pence >= 0),
  evening_hourly_pence BIGINT NOT NULL CHECK (evening_hourly_pence >= 0),
  weekend_hourly_pence BIGINT NOT NULL CHECK (weekend_hourly_pence >= 0),
  sleepover_nightly_pence BIGINT NOT NULL CHECK (sleepover_nightly_pence >= 0),
  waking_night_hourly_pence BIGINT NOT NULL CHECK (waking_night_hourly_pence >= 0),
  day_starts INTEGER NOT NULL,
  evening_starts INTEGER NOT NULL,
  recorded_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX provider_rate_cards_by_provider ON provider_rate_cards (provider_id, service, effective_from);
CREATE TABLE care_packages (
  id {ID_PK},
  provider_id BIGINT NOT NULL REFERENCES providers (id),
  person_reference TEXT NOT NULL,
  client_group TEXT NOT NULL,
  service TEXT NOT NULL,
  model TEXT NOT NULL CHECK (model IN ('time_and_task', 'personal_budget')),
  visits TEXT NOT NULL,
  nights TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  off_framework INTEGER NOT NULL CHECK (off_framework IN (0, 1)),
  added_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  added_at TEXT NOT NULL
);
CREATE INDEX care_packages_by_provider ON care_packages (provider_id);
