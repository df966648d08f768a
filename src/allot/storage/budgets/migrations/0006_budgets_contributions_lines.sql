-- name: integrated budgets: budgets by financial year, partner contributions and allocation lines
-- Released: never edit; change the schema in a new file with the next free number.
CREATE TABLE budgets (
  id {ID_PK},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  financial_year INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pooled', 'aligned', 'fast_access')),
  host_agency TEXT NOT NULL,
  managed_by_agency TEXT NOT NULL,
  accountable_agency TEXT NOT NULL,
  risk_share TEXT NOT NULL,
  approver TEXT NOT NULL,
  request_limit_pence BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE budget_contributions (
  budget_id BIGINT NOT NULL REFERENCES budgets (id),
  position INTEGER NOT NULL,
  fund_id BIGINT NOT NULL REFERENCES budget_funds (id),
  partner_agency TEXT NOT NULL,
  funding_source TEXT NOT NULL CHECK (funding_source IN ('council', 'nhs')),
  amount_pence BIGINT NOT NULL CHECK (amount_pence >= 0),
  PRIMARY KEY (budget_id, position)
);
CREATE TABLE budget_lines (
  id {ID_PK},
  budget_id BIGINT NOT NULL REFERENCES budgets (id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  locality TEXT NOT NULL,
  client_group TEXT NOT NULL,
  setting TEXT NOT NULL,
  amount_pence BIGINT NOT NULL CHECK (amount_pence >= 0),
  UNIQUE (budget_id, code)
);
