#include "allot/journey/carers.h"

namespace allot::journey {

const char* completed_by_id(CompletedBy completed_by) {
  return completed_by == CompletedBy::kCarer ? "carer" : "partner_organisation";
}

std::optional<CompletedBy> parse_completed_by(std::string_view id) {
  if (id == "carer") return CompletedBy::kCarer;
  if (id == "partner_organisation") return CompletedBy::kPartnerOrganisation;
  return std::nullopt;
}

Issues check_carer_first_stage(const CarerFirstStage& form) {
  Issues issues;
  if (form.hours_caring_per_week < 0 || form.hours_caring_per_week > 168) {
    issues.push_back({ErrorCode::kInvalidValue, "hours_caring_per_week",
                      "must be from 0 to 168; found " + std::to_string(form.hours_caring_per_week)});
  }
  const std::pair<const char*, std::int64_t> impacts[] = {{"health_impact", form.health_impact},
                                                          {"breaks_impact", form.breaks_impact},
                                                          {"work_learning_impact", form.work_learning_impact},
                                                          {"relationships_impact", form.relationships_impact},
                                                          {"willingness_impact", form.willingness_impact}};
  for (const auto& [field, value] : impacts) {
    if (value < 0 || value > 3) {
      issues.push_back({ErrorCode::kInvalidValue, field,
                        "must be 0 (none) to 3 (severe); found " + std::to_string(value)});
    }
  }
  return issues;
}

CarerFirstStageResult assess_carer_first_stage(const CarerFirstStage& form, const CarerFirstStageRules& rules) {
  CarerFirstStageResult result;
  result.impact_score = form.health_impact + form.breaks_impact + form.work_learning_impact + form.relationships_impact +
                        form.willingness_impact;
  result.universal_support = {"information and advice", "emergency contingency planning",
                              "telecare free for " + std::to_string(rules.telecare_weeks) + " weeks",
                              "carers' recognition scheme"};
  const bool regular = form.hours_caring_per_week >= rules.regular_and_substantial_hours;
  const bool impact = result.impact_score >= rules.impact_trigger;
  result.reasons.push_back(std::to_string(form.hours_caring_per_week) + " hours of caring a week; regular and substantial from " +
                           std::to_string(rules.regular_and_substantial_hours));
  result.reasons.push_back("impact score " + std::to_string(result.impact_score) + "; the trigger is " +
                           std::to_string(rules.impact_trigger));
  result.refer_for_full_assessment = regular && impact;
  return result;
}

}  // namespace allot::journey
