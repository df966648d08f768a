// The framework's quality gates (seed 002, 3.13) and what a new inspection changes.
#include "allot/care_at_home/framework.h"

#include <gtest/gtest.h>

namespace allot::care_at_home {
namespace {

Inspection graded(const char* date, int care, int staffing, int management) {
  return Inspection{*Date::parse(date),
                    {{"Quality of care and support", care},
                     {"Quality of staffing", staffing},
                     {"Quality of management and leadership", management}}};
}

TEST(Framework, Seed002RulesAreValid) { EXPECT_TRUE(check_rules(seed_002_rules()).empty()); }

TEST(Framework, GradeThreeAtTheLastTwoAdmitsButGivesNoUplift) {
  const FrameworkStanding standing =
      evaluate(seed_002_rules(), {graded("2025-03-01", 3, 4, 4), graded("2026-02-01", 4, 3, 5)});
  EXPECT_TRUE(standing.admitted);
  EXPECT_FALSE(standing.uplift_and_personal_budget);
  ASSERT_EQ(standing.reasons.size(), 2u);
  EXPECT_EQ(standing.reasons[0],
            "Quality of staffing was graded 3 (adequate) on 1 Feb 2026; uplifts and the personal budget model needs 4 or above");
}

TEST(Framework, GradeFourAtTheLastTwoGivesUpliftsAndThePersonalBudgetModel) {
  // An old grade 2 no longer counts: only the last two inspections do.
  const FrameworkStanding standing = evaluate(
      seed_002_rules(), {graded("2026-01-10", 5, 4, 4), graded("2023-05-01", 2, 2, 2), graded("2024-06-01", 4, 4, 6)});
  EXPECT_TRUE(standing.admitted);
  EXPECT_TRUE(standing.uplift_and_personal_budget);
  EXPECT_TRUE(standing.reasons.empty());
}

TEST(Framework, OneWeakThemeAtEitherOfTheLastTwoKeepsAProviderOff) {
  const FrameworkStanding standing =
      evaluate(seed_002_rules(), {graded("2025-03-01", 4, 2, 4), graded("2026-02-01", 5, 5, 5)});
  EXPECT_FALSE(standing.admitted);
  EXPECT_FALSE(standing.uplift_and_personal_budget);
  ASSERT_EQ(standing.reasons.size(), 1u);
  EXPECT_EQ(standing.reasons[0], "Quality of staffing was graded 2 (weak) on 1 Mar 2025; admission needs 3 or above");
}

TEST(Framework, ANewProviderWithOneInspectionIsNotAdmittedYet) {
  const FrameworkStanding standing = evaluate(seed_002_rules(), {graded("2026-02-01", 6, 6, 6)});
  EXPECT_FALSE(standing.admitted);
  ASSERT_EQ(standing.reasons.size(), 1u);
  EXPECT_EQ(standing.reasons[0], "admission needs 2 inspections; 1 recorded");
}

TEST(Framework, RulesAreDataACouncilCanChange) {
  FrameworkRules rules = seed_002_rules();
  rules.inspections_considered = 1;
  rules.admission_min_grade = 4;
  const FrameworkStanding standing = evaluate(rules, {graded("2026-02-01", 3, 6, 6)});
  EXPECT_FALSE(standing.admitted);
}

TEST(Framework, BadRulesAndInspectionsAreNamedProblemByProblem) {
  FrameworkRules rules = seed_002_rules();
  rules.themes.push_back("Quality of staffing");
  rules.themes.push_back("  ");
  rules.inspections_considered = 0;
  rules.uplift_min_grade = 2;
  EXPECT_EQ(check_rules(rules).size(), 4u);

  Inspection inspection = graded("2026-02-01", 7, 0, 4);
  inspection.grades.erase("Quality of management and leadership");
  inspection.grades["Quality of cooking"] = 4;
  const Issues issues = check_inspection(seed_002_rules(), inspection, "inspection");
  ASSERT_EQ(issues.size(), 4u);
  EXPECT_EQ(issues[0].path, "inspection.grades");
  EXPECT_EQ(issues[0].message, "no grade for Quality of management and leadership");
}

TEST(Framework, TheConsequenceOfAnInspectionIsShownBeforeItIsSaved) {
  const std::vector<Inspection> recorded = {graded("2024-03-01", 4, 4, 4), graded("2025-03-01", 5, 4, 4)};
  const PackagesByModel packages{30, 12};

  const Consequence lower = consequence_of(seed_002_rules(), recorded, graded("2026-03-01", 3, 4, 4), packages);
  EXPECT_TRUE(lower.after.admitted);
  EXPECT_EQ(lower.summary, "loses personal budget model eligibility; 12 packages affected");

  const Consequence weak = consequence_of(seed_002_rules(), recorded, graded("2026-03-01", 2, 4, 4), packages);
  EXPECT_EQ(weak.summary, "leaves the framework; loses personal budget model eligibility; 42 packages affected");

  const Consequence same = consequence_of(seed_002_rules(), recorded, graded("2026-03-01", 6, 5, 4), packages);
  EXPECT_EQ(same.summary, "no change to its place on the framework");
  EXPECT_EQ(same.packages_affected, 0);
}

}  // namespace
}  // namespace allot::care_at_home
