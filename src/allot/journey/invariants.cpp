#include "allot/journey/invariants.h"

#include <algorithm>
#include <string>

namespace allot::journey {
namespace {

std::string pence_text(Money amount) { return std::to_string(amount.pence()) + " (" + format_pounds(amount) + ")"; }

void check_amount(Money amount, const std::string& path, Issues& issues, bool may_be_negative = false) {
  if (!may_be_negative && amount.pence() < 0) {
    issues.push_back({ErrorCode::kInvalidValue, path, "is negative: " + pence_text(amount)});
  } else if (!amount.holdable()) {
    issues.push_back({ErrorCode::kInvalidValue, path,
                      "is beyond " + format_pounds(Money::from_pence(kMaxPence)) + ", the most Allot holds: " +
                          std::to_string(amount.pence())});
  }
}

// The parts of a split add up to the whole, exactly, in 128 bits (a wrapped sum
// cannot pass).
template <typename Key>
void check_split(const std::map<Key, Money>& split, Money whole, const std::string& path, Issues& issues) {
  Int128 sum = 0;
  for (const auto& [key, amount] : split) sum += amount.pence();
  if (sum != whole.pence()) {
    const std::string shown = sum >= -kMaxPence && sum <= kMaxPence
                                  ? pence_text(Money::from_pence(static_cast<std::int64_t>(sum)))
                                  : std::string("beyond what Allot holds");
    issues.push_back({ErrorCode::kInvalidValue, path,
                      "adds up to " + shown + ", not the annual amount " + pence_text(whole)});
  }
}

bool kept(const std::vector<int>& plan_versions, int version) {
  return std::find(plan_versions.begin(), plan_versions.end(), version) != plan_versions.end();
}

}  // namespace

Issues check_case_invariants(const CaseState& state, const std::vector<int>& plan_versions) {
  Issues issues;
  if (state.indicative_budget) {
    const IndicativeBudget& budget = *state.indicative_budget;
    check_amount(budget.annual, "indicative_budget.annual_pence", issues);
    check_amount(budget.weekly, "indicative_budget.weekly_pence", issues);
    check_amount(budget.lower_annual, "indicative_budget.lower_annual_pence", issues);
    check_amount(budget.upper_annual, "indicative_budget.upper_annual_pence", issues);
  }
  if (state.plan_version && !kept(plan_versions, *state.plan_version)) {
    issues.push_back({ErrorCode::kUnknownReference, "plan_version",
                      "names support plan version " + std::to_string(*state.plan_version) + ", which is not kept"});
  }
  if (state.sign_off && !kept(plan_versions, state.sign_off->plan_version)) {
    issues.push_back({ErrorCode::kUnknownReference, "sign_off.plan_version",
                      "names support plan version " + std::to_string(state.sign_off->plan_version) +
                          ", which is not kept"});
  }
  if (state.agreed_budget) {
    const AgreedBudget& budget = *state.agreed_budget;
    check_amount(budget.annual, "agreed_budget.annual_pence", issues);
    check_amount(budget.weekly, "agreed_budget.weekly_pence", issues);
    check_amount(budget.one_off, "agreed_budget.one_off_pence", issues);
    if (budget.indicative_annual) check_amount(*budget.indicative_annual, "agreed_budget.indicative_annual_pence", issues);
    if (budget.difference) check_amount(*budget.difference, "agreed_budget.difference_pence", issues, true);
    for (const auto& [option, amount] : budget.by_delivery_option) {
      check_amount(amount, std::string("agreed_budget.by_delivery.") + delivery_option_id(option), issues);
    }
    for (const auto& [source, amount] : budget.by_funding_source) {
      check_amount(amount, std::string("agreed_budget.by_funding.") + funding_source_id(source), issues);
    }
    check_split(budget.by_delivery_option, budget.annual, "agreed_budget.by_delivery", issues);
    check_split(budget.by_funding_source, budget.annual, "agreed_budget.by_funding", issues);
    if (budget.plan_version) {
      if (!kept(plan_versions, *budget.plan_version)) {
        issues.push_back({ErrorCode::kUnknownReference, "agreed_budget.plan_version",
                          "the agreed budget names support plan version " + std::to_string(*budget.plan_version) +
                              ", which is not kept"});
      }
    } else if (budget.decided_by != DecidedBy::kEquipment) {
      issues.push_back({ErrorCode::kUnknownReference, "agreed_budget.plan_version",
                        std::string("an agreed budget decided by the ") +
                            (budget.decided_by == DecidedBy::kTeamManager ? "team manager"
                                                                          : "Resource Allocation Group") +
                            " is backed by no support plan version"});
    }
  }
  if (state.protection) {
    check_amount(state.protection->annual, "protection.annual_pence", issues);
    check_amount(state.protection->previous_package_annual, "protection.previous_package_annual_pence", issues);
  }
  if (state.previous_package_annual) check_amount(*state.previous_package_annual, "previous_package_annual_pence", issues);
  if (state.carer && state.carer->full_assessment) {
    check_amount(state.carer->full_assessment->annual, "carer.full_assessment.annual_pence", issues);
    check_amount(state.carer->full_assessment->agreed_annual, "carer.full_assessment.agreed_annual_pence", issues);
  }
  return issues;
}

Issues check_plan_invariants(const PlanVersion& plan, Money annual_column) {
  Issues issues = check_support_plan(plan.plan);
  const PlanTotals& totals = plan.totals;
  check_amount(totals.weekly, "totals.weekly_pence", issues);
  check_amount(totals.annual, "totals.annual_pence", issues);
  check_amount(totals.one_off, "totals.one_off_pence", issues);
  check_amount(totals.annual_council, "totals.annual_council_pence", issues);
  check_amount(totals.annual_nhs, "totals.annual_nhs_pence", issues);
  if (plan.difference_from_indicative) {
    check_amount(*plan.difference_from_indicative, "difference_from_indicative_pence", issues, true);
  }
  for (const auto& [option, amount] : totals.annual_by_delivery) {
    check_amount(amount, std::string("totals.by_delivery.") + delivery_option_id(option), issues);
  }
  check_split(totals.annual_by_delivery, totals.annual, "totals.by_delivery", issues);
  check_amount(annual_column, "annual_pence (column)", issues);
  if (annual_column != totals.annual) {
    issues.push_back({ErrorCode::kInvalidValue, "annual_pence (column)",
                      "is " + pence_text(annual_column) + ", not the plan's annual total " + pence_text(totals.annual)});
  }
  // Totals can be worked out again only from lines that passed their checks.
  if (!issues.empty()) return issues;
  const PlanTotals expected = total_support_plan(plan.plan);
  const std::pair<const char*, std::pair<Money, Money>> figures[] = {
      {"totals.weekly_pence", {totals.weekly, expected.weekly}},
      {"totals.annual_pence", {totals.annual, expected.annual}},
      {"totals.one_off_pence", {totals.one_off, expected.one_off}},
      {"totals.annual_council_pence", {totals.annual_council, expected.annual_council}},
      {"totals.annual_nhs_pence", {totals.annual_nhs, expected.annual_nhs}}};
  for (const auto& [path, pair] : figures) {
    if (pair.first != pair.second) {
      issues.push_back({ErrorCode::kInvalidValue, path,
                        "is " + pence_text(pair.first) + ", but the lines total " + pence_text(pair.second)});
    }
  }
  if (totals.annual_council + totals.annual_nhs != totals.annual) {
    issues.push_back({ErrorCode::kInvalidValue, "totals",
                      "the council's and the NHS's shares do not add up to the annual total"});
  }
  return issues;
}

}  // namespace allot::journey
