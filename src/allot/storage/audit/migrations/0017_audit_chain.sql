-- name: audit chain: roles, people searched, break-glass reason, and a hash chain over the audit log
-- Released: never edit; change the schema in a new file with the next free number.
-- Each entry written from now on has its place in the chain (seq) and the SHA-256
-- of the previous entry's hash and its own fields (hash); audit_chain holds the
-- head (the last seq and hash) and the last id written before the chain began. Its
-- one row is added by the first append (so a restored backup brings its own).
ALTER TABLE audit_log ADD COLUMN roles TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN people TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN seq BIGINT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq);
CREATE TABLE audit_chain (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL,
  chained_after BIGINT NOT NULL
);
-- The data protection officer's role: user_roles is rebuilt with the wider list
-- (SQLite cannot change a CHECK constraint in place), its rows kept.
CREATE TEMPORARY TABLE user_roles_before_0017 AS SELECT user_id, role FROM user_roles;
DROP TABLE user_roles;
CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('administrator', 'assessor', 'team_manager', 'panel_member',
                                     'finance_officer', 'commissioner', 'provider_user', 'analyst',
                                     'data_protection_officer')),
  PRIMARY KEY (user_id, role)
);
INSERT INTO user_roles (user_id, role) SELECT user_id, role FROM user_roles_before_0017;
DROP TABLE user_roles_before_0017;
