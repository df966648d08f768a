#include "allot/journey/carers.h"
#include "allot/journey/reviews.h"

#include <gtest/gtest.h>

namespace allot::journey {
namespace {

TEST(CarerFirstStage, TriggerNeedsRegularCaringAndSignificantImpact) {
  CarerFirstStage form;
  form.hours_caring_per_week = 35;
  form.health_impact = 2;
  form.breaks_impact = 3;
  form.willingness_impact = 1;
  const CarerFirstStageResult result = assess_carer_first_stage(form, {});
  EXPECT_EQ(result.impact_score, 6);
  EXPECT_TRUE(result.refer_for_full_assessment);
  EXPECT_EQ(result.universal_support.size(), 4u);

  form.hours_caring_per_week = 10;  // not regular and substantial
  EXPECT_FALSE(assess_carer_first_stage(form, {}).refer_for_full_assessment);
  form.hours_caring_per_week = 35;
  form.breaks_impact = 2;  // impact 5, below the trigger
  const CarerFirstStageResult below = assess_carer_first_stage(form, {});
  EXPECT_FALSE(below.refer_for_full_assessment);
  EXPECT_FALSE(below.universal_support.empty());  // every carer gets universal support
}

TEST(CarerFirstStage, BadAnswersAreAllListed) {
  CarerFirstStage form;
  form.hours_caring_per_week = 200;
  form.health_impact = 4;
  form.relationships_impact = -1;
  EXPECT_EQ(check_carer_first_stage(form).size(), 3u);
}

TEST(Reviews, FirstAtEightWeeksThenYearly) {
  const Date start = *Date::parse("2026-11-02");
  EXPECT_EQ(first_review_due(start, {}).to_string(), "2026-12-28");
  EXPECT_EQ(first_review_earliest(start, {}).to_string(), "2026-12-14");
  EXPECT_EQ(next_review_due(*Date::parse("2026-12-28"), {}).to_string(), "2027-12-28");
  EXPECT_EQ(add_months(*Date::parse("2027-01-31"), 1).to_string(), "2027-02-28");
  EXPECT_EQ(add_months(*Date::parse("2028-02-29"), 12).to_string(), "2029-02-28");
}

TEST(Protection, TheDifferenceWhenTheNewBudgetIsLower) {
  EXPECT_EQ(transitional_protection(Money::from_pence(1500000), Money::from_pence(1200000)).pence(), 300000);
  EXPECT_EQ(transitional_protection(Money::from_pence(1000000), Money::from_pence(1200000)).pence(), 0);
}

}  // namespace
}  // namespace allot::journey
