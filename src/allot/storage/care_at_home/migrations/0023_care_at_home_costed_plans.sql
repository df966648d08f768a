-- name: care at home: personal budget model outcomes and budget, and providers' costed plans
-- append-only: care_costed_plans, care_costed_plan_decisions
-- Released: never edit; change the schema in a new file with the next free number.
-- A personal budget model package is described by the person's outcomes (a JSON
-- list of their own words, from the agreed support plan) and a weekly budget in
-- pence (what the plan lines it delivers cost); '[]' and 0 for time and task.
ALTER TABLE care_packages ADD COLUMN outcomes TEXT NOT NULL DEFAULT '[]';
ALTER TABLE care_packages ADD COLUMN weekly_budget_pence BIGINT NOT NULL DEFAULT 0;
ALTER TABLE open_care_packages ADD COLUMN outcomes TEXT NOT NULL DEFAULT '[]';
ALTER TABLE open_care_packages ADD COLUMN weekly_budget_pence BIGINT NOT NULL DEFAULT 0;
-- A provider's costed plan for a package, versioned per package: lines is a JSON
-- list of {what, outcomes, minutes, weekly_pence, cost_pence}.
CREATE TABLE care_costed_plans (
  id {ID_PK},
  package_id BIGINT NOT NULL REFERENCES care_packages (id),
  version INTEGER NOT NULL,
  lines TEXT NOT NULL,
  total_pence BIGINT NOT NULL,
  proposed_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  proposed_at TEXT NOT NULL,
  UNIQUE (package_id, version)
);
-- The council's answer to a costed plan: 'agreed' or 'sent_back' with a reason.
CREATE TABLE care_costed_plan_decisions (
  id {ID_PK},
  plan_id BIGINT NOT NULL REFERENCES care_costed_plans (id),
  decision TEXT NOT NULL,
  reason TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  UNIQUE (plan_id)
);
