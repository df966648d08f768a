#pragma once
// Support plans: the person's outcomes in their own words and costed lines, each
// with a delivery option and a funding source (seed 003, seed 000). A plan is
// versioned by the caller; this module checks and totals one version.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/base/fraction.h"
#include "allot/base/issue.h"
#include "allot/base/money.h"

namespace allot::journey {

enum class PlanUnit { kHour, kDay, kNight, kWeek, kOneOff };
const char* plan_unit_id(PlanUnit unit);
std::optional<PlanUnit> parse_plan_unit(std::string_view id);

// How a line is delivered. England's Client Level Data calls these Direct Payment,
// CASSR Managed Personal Budget and CASSR Commissioned Support; Scotland's
// self-directed support options 1, 2 and 3 (a plan mixing them is option 4).
enum class DeliveryOption { kDirectPayment, kIndividualServiceFund, kCouncilArranged };
const char* delivery_option_id(DeliveryOption option);
const char* delivery_option_cld_label(DeliveryOption option);
std::optional<DeliveryOption> parse_delivery_option(std::string_view id);

struct PlanLine {
  std::string description;        // "Help to get up and dressed, 7 mornings"
  std::string service_component;  // a Client Level Data service component: "Home Support"
  std::string provider;           // optional
  PlanUnit unit = PlanUnit::kHour;
  Money unit_cost;                // pence per unit; 0 for community and unpaid support
  Fraction units_per_week;        // recurring lines
  Money one_off_amount;           // one-off lines (equipment, adaptations)
  DeliveryOption delivery = DeliveryOption::kCouncilArranged;
  std::int64_t nhs_percent = 0;   // share funded by the NHS; the council funds the rest
  // Carers at once (2 for double-handed care). Units count each carer's: two
  // carers for an hour are two hours.
  std::int64_t carers = 1;
};

inline constexpr std::int64_t kMaxCarersAtOnce = 4;
// The most units a week one carer can give: 168 hours, 7 days or nights, one week.
std::int64_t max_units_per_week_per_carer(PlanUnit unit);

struct SupportPlan {
  std::vector<std::string> outcomes;  // in the person's own words
  std::vector<PlanLine> lines;
};

// Every problem with a plan, with paths like "lines[2].unit_cost_pence": negative
// amounts, units beyond what the unit allows in a week (an hourly line at most
// 168 hours a week for each carer, a daily or nightly line 7), and any line or
// total beyond kMaxPence (a 422 naming the line, never a wrapped amount). A plan
// with none of these problems totals without overflow.
Issues check_support_plan(const SupportPlan& plan);

struct PlanTotals {
  Money weekly;             // recurring lines, each line rounded to the penny
  Money annual_recurring;   // weekly x 52
  Money one_off;
  Money annual;             // a year's cost: recurring plus one-off
  Money annual_council;
  Money annual_nhs;
  std::map<DeliveryOption, Money> annual_by_delivery;
  bool has_nhs_funding = false;
};

// A line's weekly cost is unit cost x units a week, rounded once to the penny.
// Both need a plan that passed check_support_plan (they throw on overflow).
Money weekly_cost(const PlanLine& line);
PlanTotals total_support_plan(const SupportPlan& plan);

}  // namespace allot::journey
