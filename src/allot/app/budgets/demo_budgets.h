#pragma once
// Demo integrated budgets (app/demo loads them after the caseload): the pooled
// mental health and learning disability budget of £13.4M (seed 000) devolved to
// localities with a 15% protection fund top-slice (seed 003), the mental health
// placement budget shadow-managed by the NHS trust while the council stays
// accountable, efficiencies shared equally (seed 004), a £20k joint fast-access
// budget (seed 000), commitments from every agreed budget in the caseload and
// payments for the months so far. Deterministic; dated from clock.now().

#include "allot/app/shared/clock.h"
#include "allot/app/shared/store.h"

namespace allot::app {

struct DemoBudgetsReport {
  int budgets = 0;
  int commitments = 0;
  int payments = 0;
};

Result<DemoBudgetsReport> load_demo_budgets(Transaction& tx, const Clock& clock);

}  // namespace allot::app
