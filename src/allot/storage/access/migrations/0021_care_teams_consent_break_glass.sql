-- name: care teams, sharing agreements and consent, break glass, people's own accounts
-- append-only: care_team_members, care_team_endings, sharing_agreements, sharing_agreement_endings, sharing_consents, break_glass_grants, person_accounts
-- Released: never edit; change the schema in a new file with the next free number.
-- Who is involved in a person's care: an agency, or one of its users, in a role
-- in the team, from a date (and to a date, or until ended). Never changed: an
-- ending is a row of its own, so the history of who was involved stays.
CREATE TABLE care_team_members (
  id {ID_PK},
  person_id BIGINT NOT NULL REFERENCES people (id),
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  user_id BIGINT REFERENCES users (id),
  team_role TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  added_by TEXT NOT NULL,
  added_by_agency TEXT NOT NULL,
  added_at TEXT NOT NULL
);
CREATE INDEX care_team_members_person ON care_team_members (person_id);
CREATE INDEX care_team_members_agency ON care_team_members (agency_id, person_id);
CREATE INDEX care_team_members_user ON care_team_members (user_id, person_id);
CREATE TABLE care_team_endings (
  member_id BIGINT NOT NULL PRIMARY KEY REFERENCES care_team_members (id),
  ended_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  ended_by TEXT NOT NULL,
  ended_by_agency TEXT NOT NULL,
  ended_at TEXT NOT NULL
);
-- An information sharing agreement between the council and a partner agency
-- (seed 004: the council and the NHS trust), in force between two dates.
CREATE TABLE sharing_agreements (
  id {ID_PK},
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  reference TEXT NOT NULL,
  purpose TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  recorded_by TEXT NOT NULL,
  recorded_by_agency TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE TABLE sharing_agreement_endings (
  agreement_id BIGINT NOT NULL PRIMARY KEY REFERENCES sharing_agreements (id),
  ended_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  ended_by TEXT NOT NULL,
  ended_by_agency TEXT NOT NULL,
  ended_at TEXT NOT NULL
);
-- A person's consent to share their record with a partner agency, given or
-- withdrawn; the latest decision for the person and agency stands.
CREATE TABLE sharing_consents (
  id {ID_PK},
  person_id BIGINT NOT NULL REFERENCES people (id),
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  decision TEXT NOT NULL CHECK (decision IN ('given', 'withdrawn')),
  note TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_by_agency TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX sharing_consents_person ON sharing_consents (person_id, agency_id, id);
-- Access outside the care team: who, to whose record, why, until when.
CREATE TABLE break_glass_grants (
  id {ID_PK},
  person_id BIGINT NOT NULL REFERENCES people (id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  username TEXT NOT NULL,
  agency TEXT NOT NULL,
  roles TEXT NOT NULL,
  reason TEXT NOT NULL,
  granted_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX break_glass_grants_user ON break_glass_grants (user_id, person_id, expires_at);
CREATE INDEX break_glass_grants_at ON break_glass_grants (granted_at);
-- The person's own role: user_roles is rebuilt with the wider list (SQLite cannot
-- change a CHECK constraint in place), its rows kept.
CREATE TEMPORARY TABLE user_roles_before_0018 AS SELECT user_id, role FROM user_roles;
DROP TABLE user_roles;
CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('administrator', 'assessor', 'team_manager', 'panel_member',
                                     'finance_officer', 'commissioner', 'provider_user', 'analyst',
                                     'data_protection_officer', 'person')),
  PRIMARY KEY (user_id, role)
);
INSERT INTO user_roles (user_id, role) SELECT user_id, role FROM user_roles_before_0018;
DROP TABLE user_roles_before_0018;
-- A person's own account (or their representative's): which record it is linked
-- to, by whom. One link per account, never changed; an account no longer wanted
-- is deactivated.
CREATE TABLE person_accounts (
  user_id BIGINT NOT NULL PRIMARY KEY REFERENCES users (id),
  person_id BIGINT NOT NULL REFERENCES people (id),
  relationship TEXT NOT NULL,
  linked_by TEXT NOT NULL,
  linked_by_agency TEXT NOT NULL,
  linked_at TEXT NOT NULL
);
