-- name: identity: the locality or team each user works in
-- Released: never edit; change the schema in a new file with the next free number.
-- An assessor sees the remaining budget of their own locality only; empty: none recorded.
ALTER TABLE users ADD COLUMN locality TEXT NOT NULL DEFAULT '';
