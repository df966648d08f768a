// The personal budget model's costed plan lines, costed and checked without a
// store: hours x rate rounded once to the penny, every problem named at its
// field together, and a total that would pass what Allot holds refused, never
// wrapped.
#include <gtest/gtest.h>

#include "allot/app/care_at_home/costed_plan_service.h"

namespace allot::app {
namespace {

NewPackage personal_budget(std::int64_t budget_pence) {
  NewPackage package;
  package.model = PackageModel::kPersonalBudget;
  package.outcomes = {"I want to swim again", "I want to get up when I choose"};
  package.weekly_budget = Money::from_pence(budget_pence);
  return package;
}

CostedPlanLine hourly(std::string what, std::string outcome, int minutes, std::int64_t rate) {
  CostedPlanLine line;
  line.what = std::move(what);
  line.outcomes = {std::move(outcome)};
  line.minutes_per_week = minutes;
  line.hourly_rate = Money::from_pence(rate);
  return line;
}

CostedPlanLine fixed(std::string what, std::string outcome, std::int64_t pence) {
  CostedPlanLine line;
  line.what = std::move(what);
  line.outcomes = {std::move(outcome)};
  line.fixed_weekly = Money::from_pence(pence);
  return line;
}

std::vector<std::string> paths(const Issues& issues) {
  std::vector<std::string> out;
  for (const Issue& issue : issues) out.push_back(issue.path);
  return out;
}

TEST(CostedPlanLines, HoursAtARateAreRoundedOnceToThePennyAndAddUpWithinTheBudget) {
  // 50 minutes at £19.99: 1665.83p, rounded to 1666p; 25 minutes at £0.06: 2.5p, rounded up to 3p.
  std::vector<CostedPlanLine> lines = {hourly("Morning personal care", "I want to get up when I choose", 50, 1999),
                                       hourly("A reminder call", "I want to get up when I choose", 25, 6),
                                       fixed("Swimming with support", "I want to swim again", 3331)};
  Money total;
  const Issues issues = cost_plan_lines(lines, personal_budget(5000), total);
  EXPECT_TRUE(issues.empty()) << paths(issues).size();
  EXPECT_EQ(lines[0].weekly_cost.pence(), 1666);
  EXPECT_EQ(lines[1].weekly_cost.pence(), 3);
  EXPECT_EQ(lines[2].weekly_cost.pence(), 3331);
  EXPECT_EQ(total.pence(), 5000);  // exactly the budget is within it
}

TEST(CostedPlanLines, EveryProblemIsNamedAtItsFieldTogether) {
  CostedPlanLine both = hourly("Both", "I want to swim again", 60, 2000);
  both.fixed_weekly = Money::from_pence(100);
  CostedPlanLine neither;
  neither.what = "   ";
  std::vector<CostedPlanLine> lines = {hourly("Cinema", "I want to go to the pictures", 60, 2000), both, neither,
                                       hourly("Negative", "I want to swim again", 60, -1),
                                       hourly("Rate missing", "I want to swim again", 60, 0)};
  Money total;
  const std::vector<std::string> found = paths(cost_plan_lines(lines, personal_budget(100000), total));
  const std::vector<std::string> expected = {"lines[0].outcomes[0]", "lines[1]", "lines[2].what", "lines[2].outcomes",
                                             "lines[2].fixed_weekly_pence", "lines[3].hourly_pence",
                                             "lines[4].hourly_pence"};
  EXPECT_EQ(found, expected);
}

TEST(CostedPlanLines, OverTheBudgetSaysByHowMuchInPounds) {
  std::vector<CostedPlanLine> lines = {hourly("Morning personal care", "I want to get up when I choose", 420, 2200),
                                       fixed("Swimming", "I want to swim again", 10000)};
  Money total;
  const Issues issues = cost_plan_lines(lines, personal_budget(25000), total);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "lines");
  EXPECT_EQ(issues[0].message, "the lines cost £254.00 a week, over the weekly budget of £250.00 by £4.00");
}

TEST(CostedPlanLines, ATotalPastWhatAllotHoldsIsRefusedNotWrapped) {
  std::vector<CostedPlanLine> lines = {fixed("A", "I want to swim again", kMaxPence), fixed("B", "I want to swim again", kMaxPence)};
  Money total;
  const std::vector<std::string> found = paths(cost_plan_lines(lines, personal_budget(kMaxPence), total));
  EXPECT_EQ(found, std::vector<std::string>{"lines[1]"});
}

TEST(CostedPlanLines, OnlyThePersonalBudgetModelHasACostedPlan) {
  NewPackage package = personal_budget(10000);
  package.model = PackageModel::kTimeAndTask;
  std::vector<CostedPlanLine> lines = {fixed("Swimming", "I want to swim again", 100)};
  Money total;
  EXPECT_EQ(paths(cost_plan_lines(lines, package, total)), std::vector<std::string>{"package"});
}

TEST(CostedPlanLines, StatusFollowsTheAnswerAndNewerVersions) {
  std::vector<CostedPlanRecord> plans(3);
  for (int i = 0; i < 3; ++i) plans[static_cast<std::size_t>(i)].version = i + 1;
  plans[0].decision = "sent_back";
  EXPECT_STREQ(costed_plan_status(plans[0], plans), "sent_back");
  EXPECT_STREQ(costed_plan_status(plans[1], plans), "superseded");
  EXPECT_STREQ(costed_plan_status(plans[2], plans), "proposed");
  plans[2].decision = "agreed";
  EXPECT_STREQ(costed_plan_status(plans[2], plans), "agreed");
}

}  // namespace
}  // namespace allot::app
