-- name: integrated budgets: payments (actuals), append-only, and their monthly totals by line
-- append-only: budget_payments
-- Released: never edit; change the schema in a new file with the next free number.
CREATE TABLE budget_payments (
  id {ID_PK},
  budget_id BIGINT NOT NULL REFERENCES budgets (id),
  line_id BIGINT REFERENCES budget_lines (id),
  line_code TEXT NOT NULL,
  paid_on TEXT NOT NULL,
  payee TEXT NOT NULL,
  person_reference TEXT NOT NULL,
  amount_pence BIGINT NOT NULL,
  reference TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  corrects BIGINT REFERENCES budget_payments (id),
  unmatched_reason TEXT NOT NULL,
  posted_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  posted_at TEXT NOT NULL,
  UNIQUE (budget_id, idempotency_key)
);
CREATE INDEX budget_payments_unmatched ON budget_payments (budget_id, unmatched_reason);
CREATE TABLE budget_actuals_monthly (
  budget_id BIGINT NOT NULL REFERENCES budgets (id),
  line_id BIGINT NOT NULL REFERENCES budget_lines (id),
  month_index INTEGER NOT NULL CHECK (month_index BETWEEN 0 AND 11),
  amount_pence BIGINT NOT NULL,
  PRIMARY KEY (budget_id, line_id, month_index)
);
