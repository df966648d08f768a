#include "allot/journey/plan_version.h"

#include <utility>

namespace allot::journey {

PlanVersion next_plan_version(const CaseState& state, SupportPlan plan, std::string created_by, Instant now) {
  PlanVersion saved;
  saved.version = state.plan_version.value_or(0) + 1;
  saved.totals = total_support_plan(plan);
  saved.plan = std::move(plan);
  if (state.indicative_budget) saved.difference_from_indicative = saved.totals.annual - state.indicative_budget->annual;
  saved.created_by = std::move(created_by);
  saved.created_at = now;
  return saved;
}

}  // namespace allot::journey
