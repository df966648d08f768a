#include "allot/journey/sign_off.h"
#include "allot/journey/support_plan.h"

#include <gtest/gtest.h>

namespace allot::journey {
namespace {

PlanLine hourly(std::int64_t unit_cost, Fraction hours, DeliveryOption delivery, std::int64_t nhs_percent = 0) {
  PlanLine line;
  line.description = "Home support";
  line.service_component = "Home Support";
  line.unit = PlanUnit::kHour;
  line.unit_cost = Money::from_pence(unit_cost);
  line.units_per_week = hours;
  line.delivery = delivery;
  line.nhs_percent = nhs_percent;
  return line;
}

SupportPlan plan_of(std::vector<PlanLine> lines) { return SupportPlan{{"Stay living at home with my cat"}, std::move(lines)}; }

TEST(SupportPlan, TotalsWeeklyAnnualAndOneOff) {
  PlanLine equipment;
  equipment.description = "Bath lift";
  equipment.unit = PlanUnit::kOneOff;
  equipment.one_off_amount = Money::from_pence(45000);
  equipment.delivery = DeliveryOption::kDirectPayment;
  PlanLine friends;
  friends.description = "Neighbour pops in";
  friends.unit = PlanUnit::kWeek;
  friends.units_per_week = Fraction(1);  // unpaid support: costs nothing, still in the plan
  const SupportPlan plan =
      plan_of({hourly(2450, Fraction::of(21, 2), DeliveryOption::kCouncilArranged), equipment, friends});
  EXPECT_TRUE(check_support_plan(plan).empty());
  const PlanTotals totals = total_support_plan(plan);
  EXPECT_EQ(totals.weekly.pence(), 25725);            // 10.5 x 2,450
  EXPECT_EQ(totals.annual_recurring.pence(), 1337700); // x 52
  EXPECT_EQ(totals.one_off.pence(), 45000);
  EXPECT_EQ(totals.annual.pence(), 1382700);
  EXPECT_EQ(totals.annual_by_delivery.at(DeliveryOption::kDirectPayment).pence(), 45000);
  EXPECT_FALSE(totals.has_nhs_funding);
}

TEST(SupportPlan, NhsShareIsRoundedAndTheCouncilPaysTheRest) {
  // 1 hour x 1,001 pence = 1,001 a week, 52,052 a year; NHS 33% = 17,177.16 -> 17,177.
  const PlanTotals totals = total_support_plan(plan_of({hourly(1001, Fraction(1), DeliveryOption::kCouncilArranged, 33)}));
  EXPECT_EQ(totals.annual_nhs.pence(), 17177);
  EXPECT_EQ(totals.annual_council.pence(), 52052 - 17177);
  EXPECT_TRUE(totals.has_nhs_funding);
}

TEST(SupportPlan, ListsEveryProblem) {
  PlanLine bad = hourly(-100, Fraction(-2), DeliveryOption::kDirectPayment, 120);
  bad.description = "";
  const Issues issues = check_support_plan(SupportPlan{{}, {bad}});
  ASSERT_EQ(issues.size(), 5u);
  EXPECT_EQ(issues[0].path, "outcomes");
  EXPECT_EQ(issues[1].path, "lines[0].description");
  EXPECT_EQ(issues[2].path, "lines[0].unit_cost_pence");
  EXPECT_EQ(issues[3].path, "lines[0].nhs_percent");
  EXPECT_EQ(issues[4].path, "lines[0].units_per_week");
}

TEST(SignOff, WithinRangeGoesToATeamManager) {
  const PlanTotals totals = total_support_plan(plan_of({hourly(2000, Fraction(10), DeliveryOption::kDirectPayment)}));
  // 1,040,000 a year, range 936,000..1,144,000
  const SignOffRouting routing = route_sign_off(totals, Money::from_pence(936000), Money::from_pence(1144000), {});
  EXPECT_EQ(routing.route, SignOffRoute::kTeamManager);
}

TEST(SignOff, AboveRangeOrNhsFundedGoesToThePanel) {
  const PlanTotals above = total_support_plan(plan_of({hourly(2000, Fraction(12), DeliveryOption::kDirectPayment)}));
  const SignOffRouting routing = route_sign_off(above, Money::from_pence(936000), Money::from_pence(1144000), {});
  EXPECT_EQ(routing.route, SignOffRoute::kResourceAllocationGroup);
  EXPECT_EQ(routing.reasons[0], "the plan costs £12,480.00 a year, above the indicative range (up to £11,440.00)");
  const PlanTotals nhs = total_support_plan(plan_of({hourly(2000, Fraction(1), DeliveryOption::kDirectPayment, 50)}));
  EXPECT_EQ(route_sign_off(nhs, Money(), Money::from_pence(1144000), {}).route, SignOffRoute::kResourceAllocationGroup);
  SignOffRules lenient;
  lenient.nhs_funding_to_panel = false;
  EXPECT_EQ(route_sign_off(nhs, Money(), Money::from_pence(1144000), lenient).route, SignOffRoute::kTeamManager);
}

TEST(SignOff, AgreedAmountDifferentFromIndicativeNeedsAReason) {
  const PlanTotals totals = total_support_plan(plan_of({hourly(2000, Fraction(12), DeliveryOption::kDirectPayment)}));
  const Money indicative = Money::from_pence(1040000);
  auto refused = agreed_amount({DecisionOutcome::kApprove, std::nullopt, ""}, totals, indicative);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error()[0].path, "reason");
  auto approved = agreed_amount({DecisionOutcome::kApprove, std::nullopt, "Needs two visits at night"}, totals, indicative);
  ASSERT_TRUE(approved);
  EXPECT_EQ(approved->value().pence(), 1248000);
  // Savva v RBKC: the RAS said 82 a week, the agreed budget was 170. Going above is allowed, with reasons.
  auto changed = agreed_amount({DecisionOutcome::kApproveChangedAmount, Money::from_pence(884000), "Agreed at 170 a week"},
                               totals, Money::from_pence(426400));
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->value().pence(), 884000);
}

TEST(SignOff, ReturnAndDeclineNeedReasonsAndGiveNoAmount) {
  const PlanTotals totals = total_support_plan(plan_of({hourly(2000, Fraction(10), DeliveryOption::kDirectPayment)}));
  EXPECT_FALSE(agreed_amount({DecisionOutcome::kReturn, std::nullopt, ""}, totals, totals.annual));
  auto returned = agreed_amount({DecisionOutcome::kReturn, std::nullopt, "Cost the night support"}, totals, totals.annual);
  ASSERT_TRUE(returned);
  EXPECT_FALSE(returned->has_value());
  auto missing_amount = agreed_amount({DecisionOutcome::kApproveChangedAmount, std::nullopt, "x"}, totals, totals.annual);
  ASSERT_FALSE(missing_amount);
  EXPECT_EQ(missing_amount.error()[0].path, "agreed_annual_pence");
}

}  // namespace
}  // namespace allot::journey

namespace allot::journey {
namespace {

// Bounds that follow from the unit are validation (never clamping), and a line or
// total beyond what Allot holds is named, never wrapped.
TEST(SupportPlan, UnitsAndAmountsBeyondWhatAWeekOrAllotHoldsAreProblems) {
  PlanLine quoted = hourly(1'000'000'000, Fraction(1'000'000'000), DeliveryOption::kCouncilArranged);
  Issues issues = check_support_plan(plan_of({quoted}));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "lines[0].units_per_week");
  EXPECT_EQ(issues[0].message, "an hourly line has at most 168 hours a week for each carer (1 carer: at most 168); found 1000000000");

  PlanLine double_handed = hourly(2000, Fraction(336), DeliveryOption::kCouncilArranged);
  double_handed.carers = 2;
  EXPECT_TRUE(check_support_plan(plan_of({double_handed})).empty());
  EXPECT_EQ(total_support_plan(plan_of({double_handed})).weekly.pence(), 672000);

  PlanLine nights = hourly(9000, Fraction(8), DeliveryOption::kCouncilArranged);
  nights.unit = PlanUnit::kNight;
  issues = check_support_plan(plan_of({nights}));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message, "a nightly line has at most 7 nights a week for each carer (1 carer: at most 7); found 8");

  PlanLine dear = hourly(kMaxPence, Fraction(168), DeliveryOption::kCouncilArranged);
  issues = check_support_plan(plan_of({dear}));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "lines[0]");

  PlanLine half = hourly(0, Fraction(0), DeliveryOption::kCouncilArranged);
  half.unit = PlanUnit::kOneOff;
  half.one_off_amount = Money::from_pence(kMaxPence / 2 + 1);
  issues = check_support_plan(plan_of({half, half, half}));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "lines[1]");
  EXPECT_EQ(issues[0].message,
            "with this line the plan costs more than £10,000,000,000,000.00 a year, the most Allot holds; check the "
            "lines' amounts");
}

}  // namespace
}  // namespace allot::journey
