#pragma once
// Carers' assessments in two stages (seed 003). The first stage can be completed
// by the carer or a partner organisation and gives universal support to every
// carer; its trigger refers carers giving regular and substantial care, for whom
// caring has a significant impact, to a full assessment by the council, which
// scores against a carers' rulebook and can give a carer's personal budget.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/base/issue.h"

namespace allot::journey {

struct CarerFirstStageRules {
  std::int64_t regular_and_substantial_hours = 20;  // hours a week of caring
  std::int64_t impact_trigger = 6;                  // impact score at which a full assessment follows
  std::int64_t telecare_weeks = 12;                 // free telecare for a limited time
};

// Who filled in a carer's first-stage assessment.
enum class CompletedBy { kCarer, kPartnerOrganisation };
const char* completed_by_id(CompletedBy completed_by);  // "carer", "partner_organisation"
std::optional<CompletedBy> parse_completed_by(std::string_view id);

// Impact answers each score 0 (none) to 3 (severe).
struct CarerFirstStage {
  std::int64_t hours_caring_per_week = 0;
  std::int64_t health_impact = 0;
  std::int64_t breaks_impact = 0;
  std::int64_t work_learning_impact = 0;
  std::int64_t relationships_impact = 0;
  std::int64_t willingness_impact = 0;
};

struct CarerFirstStageResult {
  std::int64_t impact_score = 0;
  bool refer_for_full_assessment = false;
  std::vector<std::string> universal_support;  // given to every carer who completes the first stage
  std::vector<std::string> reasons;
};

Issues check_carer_first_stage(const CarerFirstStage& form);
CarerFirstStageResult assess_carer_first_stage(const CarerFirstStage& form, const CarerFirstStageRules& rules);

}  // namespace allot::journey
