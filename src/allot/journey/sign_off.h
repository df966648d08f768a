#pragma once
// Sign-off of a support plan and the agreed personal budget. Configurable rules
// send a plan either to a team manager or to the Resource Allocation Group (the
// panel joined by NHS and housing, seed 000). A RAS amount is a starting point,
// never a cap: the agreed amount may differ from the indicative budget, but then
// a reason is required.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/base/issue.h"
#include "allot/base/money.h"
#include "allot/journey/support_plan.h"

namespace allot::journey {

struct SignOffRules {
  bool above_range_to_panel = true;        // a plan costing more than the indicative range goes to the panel
  bool nhs_funding_to_panel = true;        // any NHS-funded line goes to the panel
  std::optional<Money> team_manager_limit; // a plan above this a year goes to the panel
};

enum class SignOffRoute { kTeamManager, kResourceAllocationGroup };
const char* sign_off_route_id(SignOffRoute route);

struct SignOffRouting {
  SignOffRoute route = SignOffRoute::kTeamManager;
  std::vector<std::string> reasons;
};

SignOffRouting route_sign_off(const PlanTotals& totals, Money indicative_lower, Money indicative_upper,
                              const SignOffRules& rules);

enum class DecisionOutcome { kApprove, kApproveChangedAmount, kReturn, kDecline };
const char* decision_outcome_id(DecisionOutcome outcome);
std::optional<DecisionOutcome> parse_decision_outcome(std::string_view id);

struct SignOffDecision {
  DecisionOutcome outcome = DecisionOutcome::kApprove;
  std::optional<Money> changed_annual;  // only with kApproveChangedAmount
  std::string reason;
};

// The agreed annual amount a decision gives (none for return or decline), or every
// problem with the decision: a missing changed amount, a missing reason when the
// agreed amount differs from the indicative budget or the plan is returned or
// declined, a negative amount.
Result<std::optional<Money>> agreed_amount(const SignOffDecision& decision, const PlanTotals& plan, Money indicative_annual);

}  // namespace allot::journey
