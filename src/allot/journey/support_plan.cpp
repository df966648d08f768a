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

std::int64_t max_units_per_week_per_carer(PlanUnit unit) {
  switch (unit) {
    case PlanUnit::kHour: return 168;
    case PlanUnit::kDay:
    case PlanUnit::kNight: return 7;
    case PlanUnit::kWeek: return 1;
    case PlanUnit::kOneOff: break;
  }
  return 0;
}

namespace {

const char* unit_words(PlanUnit unit) {
  switch (unit) {
    case PlanUnit::kHour: return "an hourly line has at most 168 hours a week";
    case PlanUnit::kDay: return "a daily line has at most 7 days a week";
    case PlanUnit::kNight: return "a nightly line has at most 7 nights a week";
    case PlanUnit::kWeek: return "a weekly line has at most 1 week a week";
    case PlanUnit::kOneOff: break;
  }
  return "";
}

const std::string kMostHeld = format_pounds(Money::from_pence(kMaxPence));

// The problems with one line's own fields; true when its amounts can be costed.
bool check_line(const PlanLine& line, const std::string& path, Issues& issues) {
  bool costable = true;
  if (line.unit_cost.pence() < 0) {
    issues.push_back({ErrorCode::kInvalidValue, path + ".unit_cost_pence",
                      "must not be negative; found " + std::to_string(line.unit_cost.pence())});
    costable = false;
  } else if (line.unit_cost.pence() > kMaxPence) {
    issues.push_back({ErrorCode::kInvalidValue, path + ".unit_cost_pence",
                      "must be at most " + std::to_string(kMaxPence) + " (" + kMostHeld + "); found " +
                          std::to_string(line.unit_cost.pence())});
    costable = false;
  }
  if (line.nhs_percent < 0 || line.nhs_percent > 100) {
    issues.push_back({ErrorCode::kInvalidValue, path + ".nhs_percent",
                      "must be from 0 to 100; found " + std::to_string(line.nhs_percent)});
    costable = false;
  }
  if (line.carers < 1 || line.carers > kMaxCarersAtOnce) {
    issues.push_back({ErrorCode::kInvalidValue, path + ".carers",
                      "must be from 1 to " + std::to_string(kMaxCarersAtOnce) + "; found " + std::to_string(line.carers)});
    costable = false;
  }
  if (line.unit == PlanUnit::kOneOff) {
    if (line.one_off_amount.pence() < 0) {
      issues.push_back({ErrorCode::kInvalidValue, path + ".one_off_pence",
                        "must not be negative; found " + std::to_string(line.one_off_amount.pence())});
      costable = false;
    } else if (line.one_off_amount.pence() > kMaxPence) {
      issues.push_back({ErrorCode::kInvalidValue, path + ".one_off_pence",
                        "must be at most " + std::to_string(kMaxPence) + " (" + kMostHeld + "); found " +
                            std::to_string(line.one_off_amount.pence())});
      costable = false;
    }
    if (line.units_per_week != Fraction(0)) {
      issues.push_back({ErrorCode::kInvalidValue, path + ".units_per_week", "a one-off line has no units a week"});
    }
    return costable;
  }
  if (line.units_per_week < Fraction(0)) {
    issues.push_back({ErrorCode::kInvalidValue, path + ".units_per_week",
                      "must not be negative; found " + line.units_per_week.to_string()});
    costable = false;
  } else if (line.carers >= 1 && line.carers <= kMaxCarersAtOnce) {
    // Bounds that follow from the unit are validation, never clamping.
    const std::int64_t most = max_units_per_week_per_carer(line.unit) * line.carers;
    if (line.units_per_week > Fraction(most)) {
      issues.push_back({ErrorCode::kInvalidValue, path + ".units_per_week",
                        std::string(unit_words(line.unit)) + " for each carer (" + std::to_string(line.carers) +
                            (line.carers == 1 ? " carer" : " carers") + ": at most " + std::to_string(most) +
                            "); found " + line.units_per_week.to_string()});
      costable = false;
    }
  }
  if (line.one_off_amount.pence() != 0) {
    issues.push_back({ErrorCode::kInvalidValue, path + ".one_off_pence", "only one-off lines have a one-off amount"});
  }
  return costable;
}

}  // namespace

Issues check_support_plan(const SupportPlan& plan) {
  Issues issues;
  if (plan.outcomes.empty()) {
    issues.push_back({ErrorCode::kMissingField, "outcomes", "a plan needs at least one outcome, in the person's words"});
  }
  for (std::size_t outcome_idx = 0; outcome_idx < plan.outcomes.size(); ++outcome_idx) {
    if (plan.outcomes[outcome_idx].find_first_not_of(" \t\r\n") == std::string::npos) {
      issues.push_back({ErrorCode::kInvalidValue, "outcomes[" + std::to_string(outcome_idx) + "]", "must not be blank"});
    }
  }
  // Totals as they build up, exact in 128 bits, so the line that takes one past
  // what Allot holds is named.
  Int128 weekly_total = 0;
  Int128 annual_total = 0;
  bool total_reported = false;
  for (std::size_t line_idx = 0; line_idx < plan.lines.size(); ++line_idx) {
    const PlanLine& line = plan.lines[line_idx];
    const std::string path = "lines[" + std::to_string(line_idx) + "]";
    if (line.description.find_first_not_of(" \t\r\n") == std::string::npos) {
      issues.push_back({ErrorCode::kMissingField, path + ".description", "is required"});
    }
    if (!check_line(line, path, issues)) continue;
    Int128 line_annual = 0;
    if (line.unit == PlanUnit::kOneOff) {
      line_annual = line.one_off_amount.pence();
    } else {
      const Fraction cost = line.units_per_week * Fraction(line.unit_cost.pence());
      const Int128 weekly = round_half_away(cost.numerator(), cost.denominator());
      line_annual = weekly * 52;
      if (line_annual > kMaxPence) {
        issues.push_back({ErrorCode::kInvalidValue, path,
                          "this line costs " + format_pounds(Money::from_pence(static_cast<std::int64_t>(weekly))) +
                              " a week, more than " + kMostHeld +
                              " a year, the most Allot holds; check the unit cost and the units a week"});
        continue;
      }
      weekly_total += weekly;
    }
    annual_total += line_annual;
    if (!total_reported && (annual_total > kMaxPence || weekly_total * 52 > kMaxPence)) {
      issues.push_back({ErrorCode::kInvalidValue, path,
                        "with this line the plan costs more than " + kMostHeld +
                            " a year, the most Allot holds; check the lines' amounts"});
      total_reported = true;
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
