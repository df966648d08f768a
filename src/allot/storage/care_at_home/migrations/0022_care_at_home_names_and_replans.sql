-- name: care at home: people's names on packages, and packages moved by an applied re-plan
-- append-only: care_package_provider_changes
-- Released: never edit; change the schema in a new file with the next free number.
-- The person's name as their record gave it when the package was made ('' when
-- unknown); packages made for a person on record before now take it from there.
ALTER TABLE care_packages ADD COLUMN person_name TEXT NOT NULL DEFAULT '';
ALTER TABLE open_care_packages ADD COLUMN person_name TEXT NOT NULL DEFAULT '';
UPDATE care_packages SET person_name = (
  SELECT people.given_name || ' ' || people.family_name FROM people
  WHERE CAST(people.id AS TEXT) = care_packages.person_reference)
WHERE EXISTS (SELECT 1 FROM people WHERE CAST(people.id AS TEXT) = care_packages.person_reference);
UPDATE open_care_packages SET person_name = (
  SELECT people.given_name || ' ' || people.family_name FROM people
  WHERE CAST(people.id AS TEXT) = open_care_packages.person_reference)
WHERE EXISTS (SELECT 1 FROM people WHERE CAST(people.id AS TEXT) = open_care_packages.person_reference);
-- A package given to another provider by an applied re-plan: the history of its
-- providers (care_packages.provider_id is the latest).
CREATE TABLE care_package_provider_changes (
  id {ID_PK},
  package_id BIGINT NOT NULL REFERENCES care_packages (id),
  from_provider_id BIGINT NOT NULL REFERENCES providers (id),
  to_provider_id BIGINT NOT NULL REFERENCES providers (id),
  replan TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  changed_at TEXT NOT NULL
);
CREATE INDEX care_package_provider_changes_by_package ON care_package_provider_changes (package_id, id);
