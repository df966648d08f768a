#include "allot/journey/case_flow.h"

namespace allot::journey {
namespace {

constexpr const char* kStageIds[] = {"screening", "enablement", "assessment", "support_planning",
                                     "awaiting_sign_off", "active", "closed"};
constexpr const char* kStepIds[] = {"screen", "end_enablement", "assess", "agree_equipment_budget", "save_plan",
                                    "submit_plan", "decide", "review", "close"};
constexpr const char* kScreeningIds[] = {"information_and_advice", "signposting", "enablement", "assessment"};
constexpr const char* kEnablementIds[] = {"independent", "reduced_need", "ongoing_support"};
constexpr const char* kReviewIds[] = {"no_change", "new_plan", "end"};

template <typename Enum, std::size_t N>
std::optional<Enum> parse_id(const char* const (&ids)[N], std::string_view id) {
  for (std::size_t index = 0; index < N; ++index) {
    if (id == ids[index]) return static_cast<Enum>(index);
  }
  return std::nullopt;
}

Issues missing(const char* field, const char* step) {
  return {Issue{ErrorCode::kMissingField, field, std::string("the ") + step + " step needs " + field}};
}

}  // namespace

const char* stage_id(Stage stage) { return kStageIds[static_cast<int>(stage)]; }
std::optional<Stage> parse_stage(std::string_view id) { return parse_id<Stage>(kStageIds, id); }
const char* step_id(Step step) { return kStepIds[static_cast<int>(step)]; }
std::optional<Step> parse_step(std::string_view id) { return parse_id<Step>(kStepIds, id); }
const char* screening_outcome_id(ScreeningOutcome outcome) { return kScreeningIds[static_cast<int>(outcome)]; }
std::optional<ScreeningOutcome> parse_screening_outcome(std::string_view id) {
  return parse_id<ScreeningOutcome>(kScreeningIds, id);
}
const char* enablement_outcome_id(EnablementOutcome outcome) { return kEnablementIds[static_cast<int>(outcome)]; }
std::optional<EnablementOutcome> parse_enablement_outcome(std::string_view id) {
  return parse_id<EnablementOutcome>(kEnablementIds, id);
}
const char* review_outcome_id(ReviewOutcome outcome) { return kReviewIds[static_cast<int>(outcome)]; }
std::optional<ReviewOutcome> parse_review_outcome(std::string_view id) { return parse_id<ReviewOutcome>(kReviewIds, id); }

std::vector<Step> allowed_steps(Stage stage) {
  switch (stage) {
    case Stage::kScreening: return {Step::kScreen, Step::kClose};
    case Stage::kEnablement: return {Step::kEndEnablement, Step::kClose};
    case Stage::kAssessment: return {Step::kAssess, Step::kAgreeEquipmentBudget, Step::kClose};
    case Stage::kSupportPlanning: return {Step::kSavePlan, Step::kSubmitPlan, Step::kAssess, Step::kClose};
    case Stage::kAwaitingSignOff: return {Step::kDecide, Step::kClose};
    case Stage::kActive: return {Step::kReview, Step::kClose};
    case Stage::kClosed: return {};
  }
  return {};
}

Result<Stage> next_stage(Stage stage, Step step, const StepResult& result) {
  bool allowed = false;
  std::string allowed_text;
  for (const Step candidate : allowed_steps(stage)) {
    allowed |= candidate == step;
    allowed_text += (allowed_text.empty() ? "" : ", ") + std::string(step_id(candidate));
  }
  if (!allowed) {
    return fail(ErrorCode::kConflict, "step",
                std::string("cannot ") + step_id(step) + ": the case is at stage " + stage_id(stage) + "; steps allowed: " +
                    (allowed_text.empty() ? "none (the case is closed; record a new contact)" : allowed_text));
  }
  switch (step) {
    case Step::kScreen:
      if (!result.screening) return fail(missing("screening_outcome", "screen"));
      switch (*result.screening) {
        case ScreeningOutcome::kInformationAndAdvice:
        case ScreeningOutcome::kSignposting: return Stage::kClosed;
        case ScreeningOutcome::kEnablement: return Stage::kEnablement;
        case ScreeningOutcome::kAssessment: return Stage::kAssessment;
      }
      break;
    case Step::kEndEnablement:
      if (!result.enablement) return fail(missing("enablement_outcome", "end_enablement"));
      // Long-term support follows enablement only where needs remain (seed 003).
      return *result.enablement == EnablementOutcome::kIndependent ? Stage::kClosed : Stage::kAssessment;
    case Step::kAssess:
      if (!result.eligible) return fail(missing("eligible", "assess"));
      return *result.eligible ? Stage::kSupportPlanning : Stage::kClosed;
    case Step::kAgreeEquipmentBudget: return Stage::kActive;
    case Step::kSavePlan: return Stage::kSupportPlanning;
    case Step::kSubmitPlan: return Stage::kAwaitingSignOff;
    case Step::kDecide:
      if (!result.agreed) return fail(missing("decision", "decide"));
      return *result.agreed ? Stage::kActive : Stage::kSupportPlanning;
    case Step::kReview:
      if (!result.review) return fail(missing("review_outcome", "review"));
      switch (*result.review) {
        case ReviewOutcome::kNoChange: return Stage::kActive;
        case ReviewOutcome::kNewPlan: return Stage::kSupportPlanning;
        case ReviewOutcome::kEnd: return Stage::kClosed;
      }
      break;
    case Step::kClose: return Stage::kClosed;
  }
  return fail(ErrorCode::kInternal, "step", "unhandled step");
}

}  // namespace allot::journey
