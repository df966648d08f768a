-- name: audit log
-- append-only: audit_log
-- Released: never edit; change the schema in a new file with the next free number.
CREATE TABLE audit_log (
  id {ID_PK},
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  agency TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject, id);
CREATE INDEX audit_log_actor ON audit_log (actor, id);
CREATE INDEX audit_log_at ON audit_log (at);
