#include "allot/journey/commands.h"

namespace allot::journey {

const char* eligibility_framework_id(EligibilityFramework framework) {
  return framework == EligibilityFramework::kCareAct ? "care_act" : "banded";
}

EligibilityDecision decide_eligibility(const Eligibility& eligibility, NeedBand banded_threshold) {
  if (eligibility.framework == EligibilityFramework::kCareAct) {
    CareActAssessment care_act;
    care_act.needs_from_impairment_or_illness = eligibility.needs_from_impairment_or_illness.value_or(false);
    care_act.significant_impact_on_wellbeing = eligibility.significant_impact_on_wellbeing.value_or(false);
    if (eligibility.outcomes) care_act.findings = *eligibility.outcomes;
    return decide_care_act_eligibility(care_act);
  }
  if (eligibility.framework == EligibilityFramework::kBanded && eligibility.band) {
    return decide_banded_eligibility(*eligibility.band, banded_threshold);
  }
  return EligibilityDecision{};
}

Step step_of(const StepCommand& command) {
  struct Visitor {
    Step operator()(const ScreenCommand&) const { return Step::kScreen; }
    Step operator()(const EndEnablementCommand&) const { return Step::kEndEnablement; }
    Step operator()(const AssessCommand&) const { return Step::kAssess; }
    Step operator()(const EquipmentBudgetCommand&) const { return Step::kAgreeEquipmentBudget; }
    Step operator()(const SavePlanCommand&) const { return Step::kSavePlan; }
    Step operator()(const SubmitPlanCommand&) const { return Step::kSubmitPlan; }
    Step operator()(const DecideCommand&) const { return Step::kDecide; }
    Step operator()(const ReviewCommand&) const { return Step::kReview; }
    Step operator()(const CloseCommand&) const { return Step::kClose; }
  };
  return std::visit(Visitor{}, command);
}

const char* draft_kind_id(DraftKind kind) { return kind == DraftKind::kAssessment ? "assessment" : "plan"; }

std::optional<DraftKind> parse_draft_kind(std::string_view id) {
  if (id == "assessment") return DraftKind::kAssessment;
  if (id == "plan") return DraftKind::kPlan;
  return std::nullopt;
}

}  // namespace allot::journey
