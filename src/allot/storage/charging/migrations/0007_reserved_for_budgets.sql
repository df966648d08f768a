-- name: number reserved for the budgets capability (delete this file when its migration 0007 lands)
-- Released: never edit; change the schema in a new file with the next free number.
SELECT 1;
