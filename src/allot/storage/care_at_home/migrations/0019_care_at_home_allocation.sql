-- name: care at home allocation: staff bases and carers, where packages are and who visits, open packages and offers
-- append-only: care_package_offers, care_package_offer_answers
-- Released: never edit; change the schema in a new file with the next free number.
-- Coordinates are kept as whole micro-degrees (exact on both databases).
CREATE TABLE provider_bases (
  id {ID_PK},
  provider_id BIGINT NOT NULL REFERENCES providers (id),
  name TEXT NOT NULL,
  latitude_micro BIGINT NOT NULL CHECK (latitude_micro BETWEEN -90000000 AND 90000000),
  longitude_micro BIGINT NOT NULL CHECK (longitude_micro BETWEEN -180000000 AND 180000000),
  added_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  added_at TEXT NOT NULL,
  UNIQUE (provider_id, name)
);
CREATE TABLE provider_carers (
  id {ID_PK},
  provider_id BIGINT NOT NULL REFERENCES providers (id),
  base_id BIGINT NOT NULL REFERENCES provider_bases (id),
  name TEXT NOT NULL,
  skills TEXT NOT NULL,
  shifts TEXT NOT NULL,
  travel_mode TEXT NOT NULL CHECK (travel_mode IN ('car', 'walk', 'bicycle', 'public_transport')),
  added_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  added_at TEXT NOT NULL,
  UNIQUE (provider_id, name)
);
CREATE INDEX provider_carers_by_provider ON provider_carers (provider_id);
-- The identity agency whose users are the provider's own staff ('' for none).
ALTER TABLE providers ADD COLUMN agency_code TEXT NOT NULL DEFAULT '';
-- Where a package's visits happen (null: from the person's address in the
-- gazetteer), the area and locality, which carer makes each visit, and the
-- person's choice of provider.
ALTER TABLE care_packages ADD COLUMN latitude_micro BIGINT;
ALTER TABLE care_packages ADD COLUMN longitude_micro BIGINT;
ALTER TABLE care_packages ADD COLUMN area TEXT NOT NULL DEFAULT '';
ALTER TABLE care_packages ADD COLUMN locality TEXT NOT NULL DEFAULT '';
ALTER TABLE care_packages ADD COLUMN visit_carers TEXT NOT NULL DEFAULT '[]';
ALTER TABLE care_packages ADD COLUMN chosen_provider_id BIGINT;
ALTER TABLE care_packages ADD COLUMN open_package_id BIGINT;
-- Packages waiting for a provider: offered, then placed when a provider accepts.
CREATE TABLE open_care_packages (
  id {ID_PK},
  person_reference TEXT NOT NULL,
  client_group TEXT NOT NULL,
  service TEXT NOT NULL,
  model TEXT NOT NULL CHECK (model IN ('time_and_task', 'personal_budget')),
  visits TEXT NOT NULL,
  nights TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  latitude_micro BIGINT,
  longitude_micro BIGINT,
  area TEXT NOT NULL,
  locality TEXT NOT NULL,
  chosen_provider_id BIGINT REFERENCES providers (id),
  added_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  added_at TEXT NOT NULL
);
CREATE TABLE care_package_offers (
  id {ID_PK},
  open_package_id BIGINT NOT NULL REFERENCES open_care_packages (id),
  provider_id BIGINT NOT NULL REFERENCES providers (id),
  ranking TEXT NOT NULL,
  made_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  made_at TEXT NOT NULL
);
CREATE INDEX care_package_offers_by_provider ON care_package_offers (provider_id);
CREATE TABLE care_package_offer_answers (
  id {ID_PK},
  offer_id BIGINT NOT NULL UNIQUE REFERENCES care_package_offers (id),
  answer TEXT NOT NULL CHECK (answer IN ('accepted', 'declined', 'withdrawn')),
  reason TEXT NOT NULL,
  package_id BIGINT REFERENCES care_packages (id),
  answered_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  answered_at TEXT NOT NULL
);
