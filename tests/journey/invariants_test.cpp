#include "allot/journey/invariants.h"

#include <gtest/gtest.h>

namespace allot::journey {
namespace {

AgreedBudget budget_of(std::int64_t annual) {
  AgreedBudget budget;
  budget.annual = Money::from_pence(annual);
  budget.weekly = Money::from_pence(annual / 52);
  budget.plan_version = 1;
  budget.decided_by = DecidedBy::kTeamManager;
  budget.by_delivery_option = {{DeliveryOption::kDirectPayment, Money::from_pence(annual)},
                               {DeliveryOption::kIndividualServiceFund, Money()},
                               {DeliveryOption::kCouncilArranged, Money()}};
  budget.by_funding_source = {{FundingSource::kCouncil, Money::from_pence(annual)}, {FundingSource::kNhs, Money()}};
  return budget;
}

std::vector<std::string> paths(const Issues& issues) {
  std::vector<std::string> out;
  for (const Issue& issue : issues) out.push_back(issue.path);
  return out;
}

TEST(Invariants, AGoodCaseHolds) {
  CaseState state;
  state.plan_version = 1;
  state.agreed_budget = budget_of(52000);
  EXPECT_TRUE(check_case_invariants(state, {1}).empty());
}

TEST(Invariants, SplitsMustAddUpAndPlanVersionsMustBeKept) {
  CaseState state;
  state.plan_version = 2;
  state.agreed_budget = budget_of(52000);
  state.agreed_budget->by_delivery_option[DeliveryOption::kCouncilArranged] = Money::from_pence(1);
  state.agreed_budget->by_funding_source[FundingSource::kNhs] = Money::from_pence(-5);
  state.agreed_budget->plan_version = 3;
  EXPECT_EQ(paths(check_case_invariants(state, {1, 2})),
            (std::vector<std::string>{"agreed_budget.by_funding.nhs", "agreed_budget.by_delivery",
                                      "agreed_budget.by_funding", "agreed_budget.plan_version"}));
  // A budget decided on a plan names one; only an equipment-only budget has none.
  state.agreed_budget = budget_of(52000);
  state.agreed_budget->plan_version.reset();
  EXPECT_EQ(paths(check_case_invariants(state, {2})), std::vector<std::string>{"agreed_budget.plan_version"});
  state.agreed_budget->decided_by = DecidedBy::kEquipment;
  EXPECT_TRUE(check_case_invariants(state, {2}).empty());
}

TEST(Invariants, AmountsBeyondWhatAllotHoldsAreFoundWithoutWrapping) {
  CaseState state;
  state.agreed_budget = budget_of(52000);
  state.agreed_budget->annual = Money::from_pence(INT64_MAX);
  state.agreed_budget->by_delivery_option[DeliveryOption::kDirectPayment] = Money::from_pence(INT64_MAX);
  state.agreed_budget->by_delivery_option[DeliveryOption::kCouncilArranged] = Money::from_pence(INT64_MAX);
  const Issues issues = check_case_invariants(state, {1});
  EXPECT_EQ(paths(issues), (std::vector<std::string>{"agreed_budget.annual_pence", "agreed_budget.by_delivery.direct_payment",
                                                     "agreed_budget.by_delivery.council_arranged", "agreed_budget.by_delivery",
                                                     "agreed_budget.by_funding"}));
  EXPECT_EQ(issues[3].message, "adds up to beyond what Allot holds, not the annual amount 9223372036854775807 (£92,233,720,368,547,758.07)");
}

TEST(Invariants, APlanVersionsTotalsAreItsLines) {
  PlanVersion plan;
  plan.version = 1;
  PlanLine line;
  line.description = "Help at home";
  line.unit = PlanUnit::kHour;
  line.unit_cost = Money::from_pence(2000);
  line.units_per_week = Fraction(10);
  plan.plan = SupportPlan{{"To stay at home"}, {line}};
  plan.totals = total_support_plan(plan.plan);
  EXPECT_TRUE(check_plan_invariants(plan, Money::from_pence(1040000)).empty());
  EXPECT_EQ(paths(check_plan_invariants(plan, Money::from_pence(-3))),
            (std::vector<std::string>{"annual_pence (column)", "annual_pence (column)"}));
  plan.totals.weekly = Money::from_pence(1);
  EXPECT_EQ(paths(check_plan_invariants(plan, Money::from_pence(1040000))), std::vector<std::string>{"totals.weekly_pence"});
}

}  // namespace
}  // namespace allot::journey
