-- name: agencies, users, roles, sessions and API tokens
-- Released: never edit; change the schema in a new file with the next free number.
CREATE TABLE agencies (
  id {ID_PK},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('council', 'nhs_trust', 'provider', 'third_sector')),
  created_at TEXT NOT NULL
);
CREATE TABLE users (
  id {ID_PK},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX users_agency ON users (agency_id);
CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('administrator', 'assessor', 'team_manager', 'panel_member',
                                     'finance_officer', 'commissioner', 'provider_user', 'analyst')),
  PRIMARY KEY (user_id, role)
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);
CREATE TABLE api_tokens (
  id {ID_PK},
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
