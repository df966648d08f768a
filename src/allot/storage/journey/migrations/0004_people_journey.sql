-- name: people, their journey events, drafts, support plan versions and panel meetings
-- append-only: person_events, support_plans, panel_meetings
-- Released: never edit; change the schema in a new file with the next free number.
CREATE TABLE people (
  id {ID_PK},
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  nhs_number TEXT NOT NULL,
  client_group TEXT NOT NULL,
  locality TEXT NOT NULL,
  team TEXT NOT NULL,
  stage TEXT NOT NULL,
  cares_for BIGINT REFERENCES people (id),
  review_due TEXT,
  awaiting_panel INTEGER NOT NULL CHECK (awaiting_panel IN (0, 1)),
  has_agreed_budget INTEGER NOT NULL CHECK (has_agreed_budget IN (0, 1)),
  details TEXT NOT NULL,
  state TEXT NOT NULL,
  row_version BIGINT NOT NULL CHECK (row_version > 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX people_name ON people (family_name, given_name, id);
CREATE INDEX people_stage ON people (stage);
CREATE INDEX people_review_due ON people (review_due);
CREATE TABLE person_events (
  id {ID_PK},
  person_id BIGINT NOT NULL REFERENCES people (id),
  kind TEXT NOT NULL,
  event_type TEXT NOT NULL CHECK (event_type IN ('request', 'assessment', 'service', 'review')),
  outcome TEXT NOT NULL,
  payload TEXT NOT NULL,
  actor TEXT NOT NULL,
  agency TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX person_events_person ON person_events (person_id, id);
CREATE TABLE journey_drafts (
  person_id BIGINT NOT NULL REFERENCES people (id),
  kind TEXT NOT NULL CHECK (kind IN ('assessment', 'plan')),
  document TEXT NOT NULL,
  row_version BIGINT NOT NULL CHECK (row_version > 0),
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (person_id, kind)
);
CREATE TABLE support_plans (
  person_id BIGINT NOT NULL REFERENCES people (id),
  version INTEGER NOT NULL CHECK (version > 0),
  document TEXT NOT NULL,
  annual_pence BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (person_id, version)
);
CREATE TABLE panel_meetings (
  id {ID_PK},
  held_on TEXT NOT NULL,
  members TEXT NOT NULL,
  decisions TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
