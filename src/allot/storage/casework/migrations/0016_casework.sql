-- name: casework: teams and their members, allocations of cases, case notes, the address gazetteer
-- append-only: casework_allocations, case_notes, gazetteer_imports, gazetteer_addresses
-- Released: never edit; change the schema in a new file with the next free number.
CREATE TABLE casework_teams (
  id {ID_PK},
  name TEXT NOT NULL UNIQUE,
  locality TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE casework_team_members (
  team_id BIGINT NOT NULL REFERENCES casework_teams (id),
  username TEXT NOT NULL,
  manager INTEGER NOT NULL CHECK (manager IN (0, 1)),
  added_at TEXT NOT NULL,
  PRIMARY KEY (team_id, username)
);
CREATE TABLE casework_allocations (
  id {ID_PK},
  person_id BIGINT NOT NULL REFERENCES people (id),
  worker TEXT NOT NULL,
  team TEXT NOT NULL,
  reason TEXT NOT NULL,
  allocated_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  allocated_at TEXT NOT NULL
);
CREATE INDEX casework_allocations_person ON casework_allocations (person_id, id);
CREATE TABLE case_notes (
  id {ID_PK},
  person_id BIGINT NOT NULL REFERENCES people (id),
  text TEXT NOT NULL,
  corrects BIGINT REFERENCES case_notes (id),
  written_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  written_at TEXT NOT NULL
);
CREATE INDEX case_notes_person ON case_notes (person_id, id);
CREATE TABLE gazetteer_imports (
  id {ID_PK},
  source_name TEXT NOT NULL,
  addresses INTEGER NOT NULL,
  imported_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE gazetteer_addresses (
  import_id BIGINT NOT NULL REFERENCES gazetteer_imports (id),
  line INTEGER NOT NULL,
  uprn TEXT NOT NULL,
  postcode TEXT NOT NULL,
  address TEXT NOT NULL,
  latitude TEXT NOT NULL,
  longitude TEXT NOT NULL,
  PRIMARY KEY (import_id, line)
);
CREATE INDEX gazetteer_addresses_postcode ON gazetteer_addresses (postcode);
