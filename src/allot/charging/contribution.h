#pragma once
// A person's financial assessment and the weekly contribution it gives, with a
// derivation the person can read line by line (as the RAS derivation does).
//
// The arithmetic (Care and Support Statutory Guidance, annexes B and C; the
// figures are the rules' own, charging/rules.h):
//   deferred or refused assessment: the person pays the full cost of care;
//   capital above the upper limit: the person pays the full cost of care;
//   tariff income = ceil((capital - lower limit) / band) x rate a week, when
//     capital is above the lower limit (England: £1 for every £250 or part of £250);
//   assessable income = income not disregarded + tariff income;
//   allowance = minimum income guarantee (age band + premiums) + allowable
//     expenses (each up to its limit);
//   available = assessable income - allowance, or nothing when that is below zero;
//   contribution = the smaller of available and the weekly cost of care;
//   the council and NHS pay the weekly cost less the contribution.
// Every sum is checked; there is no rounding (all figures are whole pence a week).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "allot/base/issue.h"
#include "allot/base/money.h"
#include "allot/charging/rules.h"

namespace allot::charging {

enum class AssessmentStatus {
  kAssessed,  // income and capital were assessed
  kDeferred,  // the person has not yet given their finances: charged the full cost meanwhile
  kRefused,   // the person chose not to be assessed: charged the full cost
};
const char* assessment_status_id(AssessmentStatus status);  // "assessed", "deferred", "refused"
std::optional<AssessmentStatus> parse_assessment_status(std::string_view id);

struct IncomeLine {
  std::string type;  // an income type of the rules
  Money weekly;
  bool operator==(const IncomeLine&) const = default;
};

struct ExpenseLine {
  std::string type;  // an allowable expense of the rules
  Money weekly;
  bool operator==(const ExpenseLine&) const = default;
};

// What was found about the person's finances. For a deferred or refused
// assessment only the status and reason matter.
struct FinancialAssessment {
  AssessmentStatus status = AssessmentStatus::kAssessed;
  std::string reason;  // required when deferred or refused
  int age = 0;         // at the assessment's effective date
  std::vector<std::string> premiums;  // premium ids of the rules
  std::vector<IncomeLine> incomes;
  Money capital;
  std::vector<ExpenseLine> expenses;
  bool operator==(const FinancialAssessment&) const = default;
};

// Reads an assessment from JSON ({status, reason, age, premiums, incomes:
// [{type, weekly_pence}], capital_pence, expenses: [{type, weekly_pence}]})
// against the rules, returning every problem with its path ("incomes[2].type").
// Age is read only when `age_known` is empty (the caller may know it from the
// person's date of birth).
Result<FinancialAssessment> parse_financial_assessment(const nlohmann::json& body, const ChargingRules& rules,
                                                       std::optional<int> age_known = std::nullopt);
nlohmann::json financial_assessment_to_json(const FinancialAssessment& assessment);

struct ContributionCalculation {
  bool full_cost = false;       // deferred, refused or capital above the upper limit
  Money weekly_cost;            // the weekly cost of meeting the needs
  Money tariff_income;
  Money income_counted;         // income not disregarded
  Money income_disregarded;
  Money assessable_income;      // income_counted + tariff_income
  Money minimum_income_guarantee;
  Money allowable_expenses;
  // What the person could pay a week before the cap at the cost of care: the
  // available income, or the weekly cost when charged full cost.
  Money assessed_weekly;
  Money contribution;  // what the person pays a week: min(assessed_weekly, weekly_cost)
  Money public_share;  // what the council and NHS pay a week: weekly_cost - contribution
  bool capped_at_cost = false;
  std::vector<std::string> derivation;  // "3. Tariff income: ..."
};

// The weekly contribution and its derivation. kInvalidValue if a figure is
// negative or a sum would overflow (naming it); the assessment must come from
// parse_financial_assessment() with the same rules.
Result<ContributionCalculation> calculate_contribution(const ChargingRules& rules, const FinancialAssessment& assessment,
                                                       Money weekly_cost);

// Tariff income a week for a capital under the rules (zero at or below the lower
// limit). Capital above the upper limit is charged full cost, not tariff: the
// caller checks that first.
Money tariff_income(const ChargingRules& rules, Money capital);

nlohmann::json calculation_to_json(const ContributionCalculation& calculation);

}  // namespace allot::charging
