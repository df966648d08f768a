#include "allot/journey/eligibility.h"

#include <gtest/gtest.h>

namespace allot::journey {
namespace {

CareActAssessment assessment(bool impairment, int outcomes_unable, bool wellbeing) {
  CareActAssessment result;
  result.needs_from_impairment_or_illness = impairment;
  result.significant_impact_on_wellbeing = wellbeing;
  for (int outcome = 0; outcome < outcomes_unable; ++outcome) {
    result.findings.push_back({static_cast<CareActOutcome>(outcome), {Inability::kCannotWithoutAssistance}});
  }
  result.findings.push_back({CareActOutcome::kCaringForChild, {}});  // achieved: does not count
  return result;
}

TEST(CareActEligibility, NeedsAllThreeConditions) {
  EXPECT_TRUE(decide_care_act_eligibility(assessment(true, 2, true)).eligible);
  EXPECT_FALSE(decide_care_act_eligibility(assessment(true, 1, true)).eligible);
  EXPECT_FALSE(decide_care_act_eligibility(assessment(false, 3, true)).eligible);
  EXPECT_FALSE(decide_care_act_eligibility(assessment(true, 3, false)).eligible);
}

TEST(CareActEligibility, ReasonsNameTheOutcomes) {
  const EligibilityDecision decision = decide_care_act_eligibility(assessment(true, 2, true));
  ASSERT_EQ(decision.reasons.size(), 3u);
  EXPECT_EQ(decision.reasons[1],
            "Unable to achieve 2 of the specified outcomes (managing and maintaining nutrition; maintaining personal "
            "hygiene); two or more are needed.");
}

TEST(CareActEligibility, TheSameOutcomeTwiceCountsOnce) {
  CareActAssessment twice = assessment(true, 1, true);
  twice.findings.push_back({CareActOutcome::kNutrition, {Inability::kTakesSignificantlyLonger}});
  EXPECT_FALSE(decide_care_act_eligibility(twice).eligible);
}

TEST(CareActEligibility, OutcomeIdsRoundTrip) {
  for (int outcome = 0; outcome < kCareActOutcomeCount; ++outcome) {
    const auto value = static_cast<CareActOutcome>(outcome);
    EXPECT_EQ(parse_care_act_outcome(care_act_outcome_id(value)), value);
  }
  EXPECT_FALSE(parse_care_act_outcome("gardening"));
}

TEST(BandedEligibility, AtOrAboveTheThreshold) {
  EXPECT_TRUE(decide_banded_eligibility(NeedBand::kSubstantial, NeedBand::kSubstantial).eligible);
  EXPECT_TRUE(decide_banded_eligibility(NeedBand::kCritical, NeedBand::kSubstantial).eligible);
  EXPECT_FALSE(decide_banded_eligibility(NeedBand::kModerate, NeedBand::kSubstantial).eligible);
  EXPECT_EQ(parse_need_band("moderate"), NeedBand::kModerate);
}

}  // namespace
}  // namespace allot::journey
