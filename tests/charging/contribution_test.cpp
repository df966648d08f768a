#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "allot/charging/contribution.h"
#include "allot/charging/rules.h"

namespace allot::charging {
namespace {

using nlohmann::json;

json england_document() {
  std::ifstream file(std::string(ALLOT_SOURCE_DIR) + "/data/charging/england-2026-27.json");
  std::stringstream text;
  text << file.rdbuf();
  return json::parse(text.str());
}

ChargingRules england() {
  auto rules = parse_charging_rules(england_document());
  if (!rules) throw std::runtime_error(format_issues(rules.error()));
  return *rules;
}

Money pounds(std::int64_t whole, std::int64_t pence = 0) { return Money::from_pence(whole * 100 + pence); }

// A pensioner with £300 a week of counted income, no expenses.
FinancialAssessment pensioner(Money capital) {
  FinancialAssessment assessment;
  assessment.age = 80;
  assessment.incomes = {{"state_pension", pounds(230)}, {"occupational_pension", pounds(70)}};
  assessment.capital = capital;
  return assessment;
}

ContributionCalculation calculate(const FinancialAssessment& assessment, Money cost) {
  auto calc = calculate_contribution(england(), assessment, cost);
  if (!calc) throw std::runtime_error(format_issues(calc.error()));
  return *calc;
}

TEST(ChargingRules, EnglandParses) {
  const ChargingRules rules = england();
  EXPECT_EQ(rules.upper_capital_limit, pounds(23250));
  EXPECT_EQ(rules.lower_capital_limit, pounds(14250));
  EXPECT_EQ(rules.tariff_band, pounds(250));
  EXPECT_EQ(rules.tariff_per_band, pounds(1));
  ASSERT_NE(rules.age_band(66), nullptr);
  EXPECT_EQ(rules.age_band(66)->id, "pension_age");
  EXPECT_EQ(rules.age_band(24)->id, "18_to_24");
  EXPECT_EQ(rules.age_band(25)->id, "25_to_pension_age");
}

TEST(ChargingRules, EveryProblemWithItsPath) {
  json document = england_document();
  document["capital"]["lower_limit_pence"] = 3000000;  // above the upper limit
  document["capital"]["tariff"]["band_pence"] = 0;
  document["income_types"][1]["id"] = "state_pension";
  document["minimum_income_guarantee"]["age_bands"][1]["min_age"] = 20;  // overlaps 18 to 24
  document.erase("title");
  auto rules = parse_charging_rules(document);
  ASSERT_FALSE(rules);
  std::vector<std::string> paths;
  for (const Issue& issue : rules.error()) paths.push_back(issue.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"title", "capital.lower_limit_pence", "capital.tariff.band_pence",
                                             "income_types[1].id", "minimum_income_guarantee.age_bands[1]"}));
}

TEST(Tariff, BandEdges) {
  const ChargingRules rules = england();
  EXPECT_EQ(tariff_income(rules, pounds(14250)), Money{});         // at the lower limit: nothing
  EXPECT_EQ(tariff_income(rules, pounds(14250, 1)), pounds(1));    // a penny over: part of a band
  EXPECT_EQ(tariff_income(rules, pounds(14500)), pounds(1));       // exactly one band
  EXPECT_EQ(tariff_income(rules, pounds(14500, 1)), pounds(2));    // a penny into the second band
  EXPECT_EQ(tariff_income(rules, pounds(23250)), pounds(36));      // £9,000 / £250 = 36 bands
}

TEST(Contribution, TariffCountsAsIncomeAtTheEdges) {
  // £300 counted - £233.80 pension-age guarantee = £66.20 before tariff.
  EXPECT_EQ(calculate(pensioner(pounds(14250)), pounds(500)).contribution, pounds(66, 20));
  EXPECT_EQ(calculate(pensioner(pounds(14250, 1)), pounds(500)).contribution, pounds(67, 20));
  EXPECT_EQ(calculate(pensioner(pounds(14500)), pounds(500)).contribution, pounds(67, 20));
  EXPECT_EQ(calculate(pensioner(pounds(14500, 1)), pounds(500)).contribution, pounds(68, 20));
  const ContributionCalculation at_upper = calculate(pensioner(pounds(23250)), pounds(500));
  EXPECT_FALSE(at_upper.full_cost);  // at the limit, not above it
  EXPECT_EQ(at_upper.tariff_income, pounds(36));
  EXPECT_EQ(at_upper.contribution, pounds(102, 20));
  EXPECT_EQ(at_upper.public_share, pounds(397, 80));
}

TEST(Contribution, AboveTheUpperLimitPaysFullCost) {
  const ContributionCalculation calc = calculate(pensioner(pounds(23250, 1)), pounds(412, 50));
  EXPECT_TRUE(calc.full_cost);
  EXPECT_EQ(calc.contribution, pounds(412, 50));
  EXPECT_EQ(calc.public_share, Money{});
  EXPECT_NE(calc.derivation[1].find("above the upper capital limit of £23,250.00"), std::string::npos);
}

TEST(Contribution, DeferredAndRefusedPayFullCostWithTheReason) {
  FinancialAssessment deferred;
  deferred.status = AssessmentStatus::kDeferred;
  deferred.reason = "waiting for bank statements";
  const ContributionCalculation calc = calculate(deferred, pounds(200));
  EXPECT_TRUE(calc.full_cost);
  EXPECT_EQ(calc.contribution, pounds(200));
  EXPECT_NE(calc.derivation[1].find("waiting for bank statements"), std::string::npos);

  auto missing_reason = parse_financial_assessment(json{{"status", "refused"}}, england());
  ASSERT_FALSE(missing_reason);
  EXPECT_EQ(missing_reason.error()[0].path, "reason");
}

TEST(Contribution, MinimumIncomeGuaranteeByAgeAndPremiums) {
  FinancialAssessment young;
  young.age = 22;
  young.incomes = {{"universal_credit", pounds(100)}, {"pip_daily_living", pounds(72, 65)}};
  young.premiums = {"disability_premium"};
  // £172.65 - (£83.90 + £47.70) = £41.05
  const ContributionCalculation calc = calculate(young, pounds(300));
  EXPECT_EQ(calc.minimum_income_guarantee, pounds(131, 60));
  EXPECT_EQ(calc.contribution, pounds(41, 5));

  FinancialAssessment below;
  below.age = 40;
  below.incomes = {{"esa", pounds(90)}};
  const ContributionCalculation nothing = calculate(below, pounds(300));  // under the £105.95 guarantee
  EXPECT_EQ(nothing.contribution, Money{});
  EXPECT_EQ(nothing.public_share, pounds(300));
}

TEST(Contribution, DisregardedIncomeAndExpensesWithTheirLimit) {
  FinancialAssessment assessment;
  assessment.age = 50;
  assessment.incomes = {{"esa", pounds(200)}, {"pip_mobility", pounds(28, 70)}, {"earnings", pounds(50)}};
  assessment.expenses = {{"housing", pounds(20)}, {"disability_related", pounds(75)}};  // DRE capped at £60
  const ContributionCalculation calc = calculate(assessment, pounds(300));
  EXPECT_EQ(calc.income_disregarded, pounds(78, 70));
  EXPECT_EQ(calc.allowable_expenses, pounds(80));
  EXPECT_EQ(calc.contribution, Money{} + pounds(200) - pounds(105, 95) - pounds(80));  // £14.05
}

TEST(Contribution, NeverMoreThanTheCostOfCare) {
  const ContributionCalculation calc = calculate(pensioner(pounds(20000)), pounds(50));
  EXPECT_TRUE(calc.capped_at_cost);
  EXPECT_EQ(calc.assessed_weekly, pounds(66, 20) + pounds(23));
  EXPECT_EQ(calc.contribution, pounds(50));
  EXPECT_EQ(calc.public_share, Money{});
}

TEST(Contribution, DerivationReadsLineByLine) {
  const ContributionCalculation calc = calculate(pensioner(pounds(14500, 1)), pounds(500));
  ASSERT_GE(calc.derivation.size(), 6u);
  EXPECT_EQ(calc.derivation[0], "1. Weekly cost of meeting your needs: £500.00");
  EXPECT_EQ(calc.derivation[3],
            "4. Capital £14,500.01 is £250.01 above the lower limit of £14,250.00: 2 bands of £250.00 or part of "
            "£250.00 at £1.00 = tariff income £2.00 a week");
  EXPECT_EQ(calc.derivation.back(), "8. You pay £68.20 a week; the council and NHS pay £500.00 - £68.20 = £431.80 a week");
}

TEST(Assessment, EveryProblemWithItsPath) {
  json body = {{"status", "assessed"},
               {"age", 70},
               {"premiums", {"nonsense"}},
               {"incomes", {{{"type", "lottery"}, {"weekly_pence", 100}}, {{"type", "esa"}, {"weekly_pence", -5}}}},
               {"expenses", {{{"type", "housing"}}}}};
  auto parsed = parse_financial_assessment(body, england());
  ASSERT_FALSE(parsed);
  std::vector<std::string> paths;
  for (const Issue& issue : parsed.error()) paths.push_back(issue.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"premiums[0]", "incomes[0].type", "incomes[1].weekly_pence",
                                             "capital_pence", "expenses[0].weekly_pence"}));
}

}  // namespace
}  // namespace allot::charging
