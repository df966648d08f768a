#include "allot/journey/support_plan.h"

namespace allot::journey {
namespace {

constexpr const char* kUnitIds[] = {"hour", "day", "night", "week", "one_off"};
constexpr const char* kDeliveryIds[] = {"direct_payment", "individual_service_fund", "council_arranged"};
constexpr const char* kDeliveryCld[] = {"Direct Payment", "CASSR Managed Personal Budget", "CASSR Commissioned Support"};

}  // namespace

const char* plan_unit_id(PlanUnit unit) { return kUnitIds[static_cast<int>(unit)]; }

std::optional<PlanUnit> parse_plan_unit(std::string_view id) {
  for (int unit = 0; unit < 5; ++unit) {
    if (id == kUnitIds[unit]) return static_cast<PlanUnit>(unit);
  }
  return std::nullopt;
}

const char* delivery_option_id(DeliveryOption option) { return kDeliveryIds[static_cast<int>(option)]; }
const char* delivery_option_cld_label(DeliveryOption option) { return kDeliveryCld[static_cast<int>(option)]; }

std::optional<DeliveryOption> parse_delivery_option(std::string_view id) {
  for (int option = 0; option < 3; ++option) {
    if (id == kDeliveryIds[option]) return static_cast<DeliveryOption>(option);
  }
  return std::nullopt;
}

Issues check_support_plan(const SupportPlan& plan) {
  Issues issues;
  if (plan.outcomes.empty()) {
    issues.push_back({ErrorCode::kMissingField, "outcomes", "a plan needs at least one outcome, in the person's words"});
  }
  for (std::size_t outcome_idx = 0; outcome_idx < plan.outcomes.size(); ++outcome_idx) {
    if (plan.outcomes[outcome_idx].empty()) {
      issues.push_back({ErrorCode::kInvalidValue, "outcomes[" + std::to_string(outcome_idx) + "]", "must not be empty"});
    }
  }
  for (std::size_t line_idx = 0; line_idx < plan.lines.size(); ++line_idx) {
    const PlanLine& line = plan.lines[line_idx];
    const std::string path = "lines[" + std::to_string(line_idx) + "]";
    if (line.description.empty()) issues.push_back({ErrorCode::kMissingField, path + ".description", "is required"});
    if (line.unit_cost.pence() < 0) {
      issues.push_back({ErrorCode::kInvalidValue, path + ".unit_cost_pence",
                        "must not be negative; found " + std::to_string(line.unit_cost.pence())});
    }
    if (line.nhs_percent < 0 || line.nhs_percent > 100) {
      issues.push_back({ErrorCode::kInvalidValue, path + ".nhs_percent",
                        "must be from 0 to 100; found " + std::to_string(line.nhs_percent)});
    }
    if (line.unit == PlanUnit::kOneOff) {
      if (line.one_off_amount.pence() < 0) {
        issues.push_back({ErrorCode::kInvalidValue, path + ".one_off_pence",
                          "must not be negative; found " + std::to_string(line.one_off_amount.pence())});
      }
      if (line.units_per_week != Fraction(0)) {
        issues.push_back({ErrorCode::kInvalidValue, path + ".units_per_week", "a one-off line has no units a week"});
      }
    } else {
      if (line.units_per_week < Fraction(0)) {
        issues.push_back({ErrorCode::kInvalidValue, path + ".units_per_week",
                          "must not be negative; found " + line.units_per_week.to_string()});
      }
      if (line.one_off_amount.pence() != 0) {
        issues.push_back({ErrorCode::kInvalidValue, path + ".one_off_pence", "only one-off lines have a one-off amount"});
      }
    }
  }
  return issues;
}

Money weekly_cost(const PlanLine& line) {
  if (line.unit == PlanUnit::kOneOff) return Money();
  const Fraction cost = line.units_per_week * Fraction(line.unit_cost.pence());
  return Money::from_pence(round_half_away(cost.numerator(), cost.denominator()));
}

PlanTotals total_support_plan(const SupportPlan& plan) {
  PlanTotals totals;
  for (const PlanLine& line : plan.lines) {
    const Money weekly = weekly_cost(line);
    const Money line_annual = line.unit == PlanUnit::kOneOff ? line.one_off_amount : weekly.weekly_to_annual();
    totals.weekly += weekly;
    if (line.unit == PlanUnit::kOneOff) totals.one_off += line.one_off_amount;
    // The NHS share is rounded; the council's is the rest, so the two always add up.
    const Money nhs = Money::from_pence(round_half_away(static_cast<Int128>(line_annual.pence()) * line.nhs_percent, 100));
    totals.annual_nhs += nhs;
    totals.annual_council += line_annual - nhs;
    totals.annual_by_delivery[line.delivery] += line_annual;
    if (line.nhs_percent > 0) totals.has_nhs_funding = true;
  }
  totals.annual_recurring = totals.weekly.weekly_to_annual();
  totals.annual = totals.annual_recurring + totals.one_off;
  return totals;
}

}  // namespace allot::journey
