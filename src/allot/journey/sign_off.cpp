#include "allot/journey/sign_off.h"

namespace allot::journey {
namespace {

constexpr const char* kOutcomeIds[] = {"approve", "approve_changed_amount", "return", "decline"};

}  // namespace

const char* sign_off_route_id(SignOffRoute route) {
  return route == SignOffRoute::kTeamManager ? "team_manager" : "resource_allocation_group";
}

SignOffRouting route_sign_off(const PlanTotals& totals, Money indicative_lower, Money indicative_upper,
                              const SignOffRules& rules) {
  SignOffRouting routing;
  if (rules.above_range_to_panel && totals.annual > indicative_upper) {
    routing.reasons.push_back("the plan costs " + format_pounds(totals.annual) + " a year, above the indicative range (up to " +
                              format_pounds(indicative_upper) + ")");
  }
  if (rules.nhs_funding_to_panel && totals.has_nhs_funding) {
    routing.reasons.push_back("the plan has NHS-funded lines (" + format_pounds(totals.annual_nhs) + " a year)");
  }
  if (rules.team_manager_limit && totals.annual > *rules.team_manager_limit) {
    routing.reasons.push_back("the plan is above the team manager's limit of " + format_pounds(*rules.team_manager_limit) +
                              " a year");
  }
  if (!routing.reasons.empty()) {
    routing.route = SignOffRoute::kResourceAllocationGroup;
  } else {
    routing.reasons.push_back(totals.annual < indicative_lower
                                  ? "the plan costs less than the indicative range; a team manager signs"
                                  : "the plan is within the indicative range; a team manager signs");
  }
  return routing;
}

const char* decision_outcome_id(DecisionOutcome outcome) { return kOutcomeIds[static_cast<int>(outcome)]; }

std::optional<DecisionOutcome> parse_decision_outcome(std::string_view id) {
  for (int outcome = 0; outcome < 4; ++outcome) {
    if (id == kOutcomeIds[outcome]) return static_cast<DecisionOutcome>(outcome);
  }
  return std::nullopt;
}

Result<std::optional<Money>> agreed_amount(const SignOffDecision& decision, const PlanTotals& plan, Money indicative_annual) {
  Issues issues;
  std::optional<Money> agreed;
  switch (decision.outcome) {
    case DecisionOutcome::kApprove:
      if (decision.changed_annual) {
        issues.push_back({ErrorCode::kInvalidValue, "agreed_annual_pence", "only approve_changed_amount takes an amount"});
      }
      agreed = plan.annual;
      break;
    case DecisionOutcome::kApproveChangedAmount:
      if (!decision.changed_annual) {
        issues.push_back({ErrorCode::kMissingField, "agreed_annual_pence", "approve_changed_amount needs the agreed amount"});
      } else if (decision.changed_annual->pence() < 0) {
        issues.push_back({ErrorCode::kInvalidValue, "agreed_annual_pence",
                          "must not be negative; found " + std::to_string(decision.changed_annual->pence())});
      } else {
        agreed = decision.changed_annual;
      }
      break;
    case DecisionOutcome::kReturn:
    case DecisionOutcome::kDecline:
      if (decision.changed_annual) {
        issues.push_back({ErrorCode::kInvalidValue, "agreed_annual_pence", "a plan returned or declined has no agreed amount"});
      }
      if (decision.reason.empty()) {
        issues.push_back({ErrorCode::kMissingField, "reason",
                          std::string("a reason is required to ") + decision_outcome_id(decision.outcome) + " a plan"});
      }
      break;
  }
  // The RAS is a starting point, not a cap (Care Act guidance 11.24): a different
  // agreed amount is allowed, and must be explained.
  if (agreed && *agreed != indicative_annual && decision.reason.empty()) {
    issues.push_back({ErrorCode::kMissingField, "reason",
                      "the agreed amount " + format_pounds(*agreed) + " differs from the indicative budget " +
                          format_pounds(indicative_annual) + ", so a reason is required"});
  }
  if (!issues.empty()) return fail(std::move(issues));
  return agreed;
}

}  // namespace allot::journey
