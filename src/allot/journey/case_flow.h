#pragma once
// The personal budget journey as a state machine: which step may follow which
// (seed 003's customer journey: contact and screening, enablement, assessment,
// indicative budget, support plan, sign-off, agreed budget, review). A step not
// allowed in the current stage is refused with the stage and the steps allowed.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/base/issue.h"

namespace allot::journey {

enum class Stage {
  kScreening,        // a contact is recorded and awaits screening
  kEnablement,       // short-term enablement (normally up to six weeks)
  kAssessment,       // awaiting or in a needs assessment
  kSupportPlanning,  // eligible, with an indicative budget; the plan is being built
  kAwaitingSignOff,  // the plan is with a team manager or the Resource Allocation Group
  kActive,           // an agreed personal budget is in place
  kClosed,
};
const char* stage_id(Stage stage);
std::optional<Stage> parse_stage(std::string_view id);

enum class Step {
  kScreen,
  kEndEnablement,
  kAssess,
  kAgreeEquipmentBudget,  // the short path when minor equipment is the only need (seed 003)
  kSavePlan,
  kSubmitPlan,
  kDecide,                // sign-off by a team manager or the panel
  kReview,
  kClose,
};
const char* step_id(Step step);
std::optional<Step> parse_step(std::string_view id);

// What a step found, where the next stage depends on it.
enum class ScreeningOutcome { kInformationAndAdvice, kSignposting, kEnablement, kAssessment };
enum class EnablementOutcome { kIndependent, kReducedNeed, kOngoingSupport };
enum class ReviewOutcome { kNoChange, kNewPlan, kEnd };
const char* screening_outcome_id(ScreeningOutcome outcome);
std::optional<ScreeningOutcome> parse_screening_outcome(std::string_view id);
const char* enablement_outcome_id(EnablementOutcome outcome);
std::optional<EnablementOutcome> parse_enablement_outcome(std::string_view id);
const char* review_outcome_id(ReviewOutcome outcome);
std::optional<ReviewOutcome> parse_review_outcome(std::string_view id);

struct StepResult {
  std::optional<ScreeningOutcome> screening = std::nullopt;
  std::optional<EnablementOutcome> enablement = std::nullopt;
  std::optional<bool> eligible = std::nullopt;  // kAssess
  std::optional<bool> agreed = std::nullopt;    // kDecide: approved (with or without a change) or not
  std::optional<ReviewOutcome> review = std::nullopt;
};

std::vector<Step> allowed_steps(Stage stage);

// The stage after a step, or a kConflict issue naming the current stage and the
// steps allowed in it; a missing result the step needs is a kMissingField issue.
Result<Stage> next_stage(Stage stage, Step step, const StepResult& result);

}  // namespace allot::journey
