#include "allot/journey/case_flow.h"

#include <gtest/gtest.h>

namespace allot::journey {
namespace {

Stage step(Stage stage, Step next, StepResult result = {}) {
  auto moved = next_stage(stage, next, result);
  if (!moved) throw std::runtime_error(format_issues(moved.error()));
  return *moved;
}

TEST(CaseFlow, ContactToAgreedBudgetToReview) {
  Stage stage = Stage::kScreening;
  stage = step(stage, Step::kScreen, {.screening = ScreeningOutcome::kEnablement});
  EXPECT_EQ(stage, Stage::kEnablement);
  stage = step(stage, Step::kEndEnablement, {.enablement = EnablementOutcome::kOngoingSupport});
  EXPECT_EQ(stage, Stage::kAssessment);
  stage = step(stage, Step::kAssess, {.eligible = true});
  EXPECT_EQ(stage, Stage::kSupportPlanning);
  stage = step(stage, Step::kSavePlan);
  stage = step(stage, Step::kSubmitPlan);
  EXPECT_EQ(stage, Stage::kAwaitingSignOff);
  stage = step(stage, Step::kDecide, {.agreed = false});
  EXPECT_EQ(stage, Stage::kSupportPlanning);  // returned by the panel
  stage = step(stage, Step::kSubmitPlan);
  stage = step(stage, Step::kDecide, {.agreed = true});
  EXPECT_EQ(stage, Stage::kActive);
  stage = step(stage, Step::kReview, {.review = ReviewOutcome::kNoChange});
  EXPECT_EQ(stage, Stage::kActive);
  stage = step(stage, Step::kReview, {.review = ReviewOutcome::kEnd});
  EXPECT_EQ(stage, Stage::kClosed);
}

TEST(CaseFlow, InformationAndAdviceClosesTheContact) {
  EXPECT_EQ(step(Stage::kScreening, Step::kScreen, {.screening = ScreeningOutcome::kInformationAndAdvice}), Stage::kClosed);
  EXPECT_EQ(step(Stage::kEnablement, Step::kEndEnablement, {.enablement = EnablementOutcome::kIndependent}), Stage::kClosed);
  EXPECT_EQ(step(Stage::kAssessment, Step::kAssess, {.eligible = false}), Stage::kClosed);
}

TEST(CaseFlow, EquipmentOnlyIsAShortPath) {
  EXPECT_EQ(step(Stage::kAssessment, Step::kAgreeEquipmentBudget), Stage::kActive);
}

TEST(CaseFlow, ARefusedStepNamesTheStageAndTheStepsAllowed) {
  auto refused = next_stage(Stage::kSupportPlanning, Step::kDecide, {.agreed = true});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error()[0].code, ErrorCode::kConflict);
  EXPECT_EQ(refused.error()[0].message,
            "cannot decide: the case is at stage support_planning; steps allowed: save_plan, submit_plan, assess, close");
  auto closed = next_stage(Stage::kClosed, Step::kReview, {.review = ReviewOutcome::kNoChange});
  ASSERT_FALSE(closed);
  EXPECT_NE(closed.error()[0].message.find("record a new contact"), std::string::npos);
}

TEST(CaseFlow, AStepWithoutItsResultIsRefused) {
  auto missing = next_stage(Stage::kScreening, Step::kScreen, {});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error()[0].code, ErrorCode::kMissingField);
  EXPECT_EQ(missing.error()[0].path, "screening_outcome");
}

TEST(CaseFlow, IdsRoundTrip) {
  for (int stage = 0; stage <= static_cast<int>(Stage::kClosed); ++stage) {
    EXPECT_EQ(parse_stage(stage_id(static_cast<Stage>(stage))), static_cast<Stage>(stage));
  }
  for (int next = 0; next <= static_cast<int>(Step::kClose); ++next) {
    EXPECT_EQ(parse_step(step_id(static_cast<Step>(next))), static_cast<Step>(next));
  }
}

}  // namespace
}  // namespace allot::journey
