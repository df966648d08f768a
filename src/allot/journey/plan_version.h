#pragma once
// Saved versions of a person's support plan. Every version is kept whole: a
// change is a new version, and sign-off names the version it approves.

#include <optional>
#include <string>

#include "allot/base/money.h"
#include "allot/journey/case_state.h"
#include "allot/journey/support_plan.h"

namespace allot::journey {

struct PlanVersion {
  int version = 0;
  SupportPlan plan;
  PlanTotals totals;
  std::optional<Money> difference_from_indicative;  // totals.annual - the indicative budget, when there is one
  std::string created_by;
  Instant created_at;
};

// The next version of the case's plan (its latest version + 1), totalled, with
// its difference from the indicative budget. The plan must have passed
// check_support_plan.
PlanVersion next_plan_version(const CaseState& state, SupportPlan plan, std::string created_by, Instant now);

}  // namespace allot::journey
