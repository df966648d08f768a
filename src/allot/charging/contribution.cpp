#include "allot/charging/contribution.h"

#include <set>

#include <fmt/format.h>

#include "allot/charging/json_fields.h"

namespace allot::charging {

using detail::Fields;
using nlohmann::json;

const char* assessment_status_id(AssessmentStatus status) {
  switch (status) {
    case AssessmentStatus::kAssessed: return "assessed";
    case AssessmentStatus::kDeferred: return "deferred";
    case AssessmentStatus::kRefused: return "refused";
  }
  return "assessed";
}

std::optional<AssessmentStatus> parse_assessment_status(std::string_view id) {
  if (id == "assessed") return AssessmentStatus::kAssessed;
  if (id == "deferred") return AssessmentStatus::kDeferred;
  if (id == "refused") return AssessmentStatus::kRefused;
  return std::nullopt;
}

Result<FinancialAssessment> parse_financial_assessment(const json& body, const ChargingRules& rules,
                                                       std::optional<int> age_known) {
  if (!body.is_object()) return fail(ErrorCode::kWrongType, "", "must be a JSON object");
  Issues issues;
  Fields top(body, "", issues);
  FinancialAssessment assessment;
  if (auto status = top.text("status")) {
    if (auto parsed = parse_assessment_status(*status)) {
      assessment.status = *parsed;
    } else {
      issues.push_back({ErrorCode::kInvalidValue, "status",
                        fmt::format("\"{}\" is not a status; expected one of assessed, deferred, refused", *status)});
    }
  }
  if (auto reason = top.text("reason", false, true)) assessment.reason = *reason;
  if (assessment.status != AssessmentStatus::kAssessed) {
    if (assessment.reason.empty()) {
      issues.push_back({ErrorCode::kMissingField, "reason",
                        "is required when the assessment is deferred or refused (the person is charged the full cost)"});
    }
    if (!issues.empty()) return fail(std::move(issues));
    return assessment;
  }

  if (age_known) {
    assessment.age = *age_known;
  } else if (auto age = top.integer("age", 18, 130)) {
    assessment.age = static_cast<int>(*age);
  }
  if (age_known || top.find("age", false)) {
    if (assessment.age >= 18 && !rules.age_band(assessment.age)) {
      issues.push_back({ErrorCode::kInvalidValue, "age",
                        fmt::format("no minimum income guarantee band of rules \"{}\" covers age {}", rules.id,
                                    assessment.age)});
    }
  }
  if (const json* premiums = top.array("premiums", false)) {
    std::set<std::string> seen;
    for (std::size_t index = 0; index < premiums->size(); ++index) {
      const std::string path = fmt::format("premiums[{}]", index);
      const json& item = (*premiums)[index];
      if (!item.is_string()) {
        issues.push_back({ErrorCode::kWrongType, path, "must be a premium id (a string)"});
      } else if (!rules.premium(item.get<std::string>())) {
        std::string known;
        for (const Premium& premium : rules.premiums) known += (known.empty() ? "" : ", ") + premium.id;
        issues.push_back({ErrorCode::kInvalidValue, path,
                          fmt::format("\"{}\" is not a premium of these rules; expected one of {}",
                                      item.get<std::string>(), known)});
      } else if (!seen.insert(item.get<std::string>()).second) {
        issues.push_back({ErrorCode::kDuplicate, path, fmt::format("\"{}\" is listed twice", item.get<std::string>())});
      } else {
        assessment.premiums.push_back(item.get<std::string>());
      }
    }
  }
  detail::each_object(top.array("incomes"), "incomes", issues, [&](Fields& fields, const std::string& path, std::size_t) {
    IncomeLine line;
    if (auto type = fields.text("type")) {
      if (!rules.income_type(*type)) {
        issues.push_back({ErrorCode::kInvalidValue, path + ".type",
                          fmt::format("\"{}\" is not an income type of rules \"{}\"", *type, rules.id)});
      }
      line.type = *type;
    }
    if (auto weekly = fields.integer("weekly_pence", 0, kMaxPence)) line.weekly = Money::from_pence(*weekly);
    assessment.incomes.push_back(std::move(line));
  });
  if (auto capital = top.integer("capital_pence", 0, kMaxPence)) assessment.capital = Money::from_pence(*capital);
  detail::each_object(top.array("expenses", false), "expenses", issues,
                      [&](Fields& fields, const std::string& path, std::size_t) {
                        ExpenseLine line;
                        if (auto type = fields.text("type")) {
                          if (!rules.expense_type(*type)) {
                            issues.push_back({ErrorCode::kInvalidValue, path + ".type",
                                              fmt::format("\"{}\" is not an allowable expense of rules \"{}\"", *type,
                                                          rules.id)});
                          }
                          line.type = *type;
                        }
                        if (auto weekly = fields.integer("weekly_pence", 0, kMaxPence)) {
                          line.weekly = Money::from_pence(*weekly);
                        }
                        assessment.expenses.push_back(std::move(line));
                      });
  if (!issues.empty()) return fail(std::move(issues));
  return assessment;
}

json financial_assessment_to_json(const FinancialAssessment& assessment) {
  json out = {{"status", assessment_status_id(assessment.status)}, {"reason", assessment.reason}};
  if (assessment.status != AssessmentStatus::kAssessed) return out;
  out["age"] = assessment.age;
  out["premiums"] = assessment.premiums;
  out["incomes"] = json::array();
  for (const IncomeLine& line : assessment.incomes) {
    out["incomes"].push_back({{"type", line.type}, {"weekly_pence", line.weekly.pence()}});
  }
  out["capital_pence"] = assessment.capital.pence();
  out["expenses"] = json::array();
  for (const ExpenseLine& line : assessment.expenses) {
    out["expenses"].push_back({{"type", line.type}, {"weekly_pence", line.weekly.pence()}});
  }
  return out;
}

namespace {

// A running total that refuses to overflow, naming what it adds up.
class CheckedSum {
 public:
  explicit CheckedSum(std::string what) : what_(std::move(what)) {}
  void add(Money amount) {
    std::int64_t out = 0;
    if (__builtin_add_overflow(total_, amount.pence(), &out)) overflowed_ = true;
    total_ = out;
  }
  Result<Money> total() const {
    if (overflowed_) return fail(ErrorCode::kInvalidValue, what_, "the total is too large to hold in pence");
    return Money::from_pence(total_);
  }

 private:
  std::string what_;
  std::int64_t total_ = 0;
  bool overflowed_ = false;
};

}  // namespace

Money tariff_income(const ChargingRules& rules, Money capital) {
  if (capital <= rules.lower_capital_limit) return Money{};
  const std::int64_t over = (capital - rules.lower_capital_limit).pence();
  const std::int64_t band = rules.tariff_band.pence();
  const std::int64_t bands = over / band + (over % band == 0 ? 0 : 1);  // "or part of" a band
  return Money::from_pence(bands * rules.tariff_per_band.pence());
}

Result<ContributionCalculation> calculate_contribution(const ChargingRules& rules, const FinancialAssessment& assessment,
                                                       Money weekly_cost) {
  if (weekly_cost < Money{} || weekly_cost.pence() > kMaxPence) {
    return fail(ErrorCode::kInvalidValue, "weekly_cost_pence",
                fmt::format("must be between 0 and {}; found {}", kMaxPence, weekly_cost.pence()));
  }
  ContributionCalculation calc;
  calc.weekly_cost = weekly_cost;
  auto line = [&](std::string text) {
    calc.derivation.push_back(fmt::format("{}. {}", calc.derivation.size() + 1, text));
  };
  line(fmt::format("Weekly cost of meeting your needs: {}", format_pounds(weekly_cost)));
  auto full_cost = [&](std::string why) {
    calc.full_cost = true;
    calc.assessed_weekly = weekly_cost;
    calc.contribution = weekly_cost;
    calc.public_share = Money{};
    line(why);
    line(fmt::format("You pay the full weekly cost: {}; the council and NHS pay {}", format_pounds(weekly_cost),
                     format_pounds(Money{})));
    return calc;
  };
  if (assessment.status == AssessmentStatus::kDeferred) {
    return full_cost(fmt::format("Financial assessment deferred ({}): charged the full cost until it is done",
                                 assessment.reason));
  }
  if (assessment.status == AssessmentStatus::kRefused) {
    return full_cost(fmt::format("Financial assessment declined ({}): charged the full cost", assessment.reason));
  }
  if (assessment.capital > rules.upper_capital_limit) {
    return full_cost(fmt::format("Capital {} is above the upper capital limit of {}: charged the full cost",
                                 format_pounds(assessment.capital), format_pounds(rules.upper_capital_limit)));
  }

  CheckedSum counted("incomes");
  CheckedSum disregarded("incomes");
  for (const IncomeLine& income : assessment.incomes) {
    const IncomeType* type = rules.income_type(income.type);
    if (!type) return fail(ErrorCode::kInvalidValue, "incomes", fmt::format("unknown income type \"{}\"", income.type));
    if (income.weekly < Money{}) return fail(ErrorCode::kInvalidValue, "incomes", "an income is negative");
    if (type->disregarded) {
      disregarded.add(income.weekly);
      line(fmt::format("{}: {} a week, disregarded", type->label, format_pounds(income.weekly)));
    } else {
      counted.add(income.weekly);
      line(fmt::format("{}: {} a week, counted", type->label, format_pounds(income.weekly)));
    }
  }
  Result<Money> income_counted = counted.total();
  if (!income_counted) return tl::unexpected<Issues>(income_counted.error());
  Result<Money> income_disregarded = disregarded.total();
  if (!income_disregarded) return tl::unexpected<Issues>(income_disregarded.error());
  calc.income_counted = *income_counted;
  calc.income_disregarded = *income_disregarded;

  calc.tariff_income = tariff_income(rules, assessment.capital);
  if (assessment.capital <= rules.lower_capital_limit) {
    line(fmt::format("Capital {} is at or below the lower limit of {}: no tariff income",
                     format_pounds(assessment.capital), format_pounds(rules.lower_capital_limit)));
  } else {
    const std::int64_t bands = calc.tariff_income.pence() / rules.tariff_per_band.pence();
    line(fmt::format("Capital {} is {} above the lower limit of {}: {} band{} of {} or part of {} at {} = "
                     "tariff income {} a week",
                     format_pounds(assessment.capital), format_pounds(assessment.capital - rules.lower_capital_limit),
                     format_pounds(rules.lower_capital_limit), bands, bands == 1 ? "" : "s",
                     format_pounds(rules.tariff_band), format_pounds(rules.tariff_band),
                     format_pounds(rules.tariff_per_band), format_pounds(calc.tariff_income)));
  }
  CheckedSum assessable("incomes");
  assessable.add(calc.income_counted);
  assessable.add(calc.tariff_income);
  Result<Money> assessable_income = assessable.total();
  if (!assessable_income) return tl::unexpected<Issues>(assessable_income.error());
  calc.assessable_income = *assessable_income;
  line(fmt::format("Income counted {} + tariff income {} = assessable income {} a week",
                   format_pounds(calc.income_counted), format_pounds(calc.tariff_income),
                   format_pounds(calc.assessable_income)));

  const AgeBand* band = rules.age_band(assessment.age);
  if (!band) {
    return fail(ErrorCode::kInvalidValue, "age",
                fmt::format("no minimum income guarantee band covers age {}", assessment.age));
  }
  CheckedSum mig("premiums");
  mig.add(band->weekly);
  std::string mig_text = fmt::format("{} ({})", format_pounds(band->weekly), band->label);
  for (const std::string& premium_id : assessment.premiums) {
    const Premium* premium = rules.premium(premium_id);
    if (!premium) return fail(ErrorCode::kInvalidValue, "premiums", fmt::format("unknown premium \"{}\"", premium_id));
    mig.add(premium->weekly);
    mig_text += fmt::format(" + {} ({})", format_pounds(premium->weekly), premium->label);
  }
  Result<Money> mig_total = mig.total();
  if (!mig_total) return tl::unexpected<Issues>(mig_total.error());
  calc.minimum_income_guarantee = *mig_total;
  line(fmt::format("Minimum income guarantee: {} = {} a week", mig_text, format_pounds(calc.minimum_income_guarantee)));

  CheckedSum expenses("expenses");
  for (const ExpenseLine& expense : assessment.expenses) {
    const ExpenseType* type = rules.expense_type(expense.type);
    if (!type) {
      return fail(ErrorCode::kInvalidValue, "expenses", fmt::format("unknown expense type \"{}\"", expense.type));
    }
    Money allowed = expense.weekly;
    if (type->weekly_limit && allowed > *type->weekly_limit) {
      allowed = *type->weekly_limit;
      line(fmt::format("{}: {} a week, allowed up to its limit of {}", type->label, format_pounds(expense.weekly),
                       format_pounds(allowed)));
    } else {
      line(fmt::format("{}: {} a week allowed", type->label, format_pounds(allowed)));
    }
    expenses.add(allowed);
  }
  Result<Money> expense_total = expenses.total();
  if (!expense_total) return tl::unexpected<Issues>(expense_total.error());
  calc.allowable_expenses = *expense_total;

  CheckedSum allowance("expenses");
  allowance.add(calc.minimum_income_guarantee);
  allowance.add(calc.allowable_expenses);
  Result<Money> allowance_total = allowance.total();
  if (!allowance_total) return tl::unexpected<Issues>(allowance_total.error());
  const Money available = calc.assessable_income - *allowance_total;
  if (available < Money{}) {
    calc.assessed_weekly = Money{};
    line(fmt::format("Assessable income {} - minimum income guarantee {} - allowable expenses {} = {}: below nothing, "
                     "so you can afford {} a week",
                     format_pounds(calc.assessable_income), format_pounds(calc.minimum_income_guarantee),
                     format_pounds(calc.allowable_expenses), format_pounds(available), format_pounds(Money{})));
  } else {
    calc.assessed_weekly = available;
    line(fmt::format("Assessable income {} - minimum income guarantee {} - allowable expenses {} = {} a week you can "
                     "afford",
                     format_pounds(calc.assessable_income), format_pounds(calc.minimum_income_guarantee),
                     format_pounds(calc.allowable_expenses), format_pounds(available)));
  }
  if (calc.assessed_weekly > weekly_cost) {
    calc.capped_at_cost = true;
    calc.contribution = weekly_cost;
    line(fmt::format("You never pay more than the cost of your care: {} is capped at {}",
                     format_pounds(calc.assessed_weekly), format_pounds(weekly_cost)));
  } else {
    calc.contribution = calc.assessed_weekly;
  }
  calc.public_share = weekly_cost - calc.contribution;
  line(fmt::format("You pay {} a week; the council and NHS pay {} - {} = {} a week", format_pounds(calc.contribution),
                   format_pounds(weekly_cost), format_pounds(calc.contribution), format_pounds(calc.public_share)));
  return calc;
}

json calculation_to_json(const ContributionCalculation& calc) {
  return {{"full_cost", calc.full_cost},
          {"weekly_cost_pence", calc.weekly_cost.pence()},
          {"income_counted_pence", calc.income_counted.pence()},
          {"income_disregarded_pence", calc.income_disregarded.pence()},
          {"tariff_income_pence", calc.tariff_income.pence()},
          {"assessable_income_pence", calc.assessable_income.pence()},
          {"minimum_income_guarantee_pence", calc.minimum_income_guarantee.pence()},
          {"allowable_expenses_pence", calc.allowable_expenses.pence()},
          {"assessed_weekly_pence", calc.assessed_weekly.pence()},
          {"contribution_pence", calc.contribution.pence()},
          {"public_share_pence", calc.public_share.pence()},
          {"capped_at_cost", calc.capped_at_cost},
          {"derivation", calc.derivation}};
}

}  // namespace allot::charging
