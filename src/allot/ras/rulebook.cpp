#include "allot/ras/rulebook.h"

#include <algorithm>

namespace allot::ras {

std::optional<std::size_t> Question::find_answer(std::string_view answer_id) const {
  for (std::size_t answer_idx = 0; answer_idx < answers.size(); ++answer_idx) {
    if (answers[answer_idx].id == answer_id) return answer_idx;
  }
  return std::nullopt;
}

const char* allocation_method_name(AllocationMethod method) {
  switch (method) {
    case AllocationMethod::kPoints: return "points";
    case AllocationMethod::kBands: return "bands";
    case AllocationMethod::kRates: return "rates";
  }
  return "points";
}

const char* adjustment_kind_name(AdjustmentKind kind) {
  switch (kind) {
    case AdjustmentKind::kInformalSupport: return "informal_support";
    case AdjustmentKind::kTwoCarerSupport: return "two_carer_support";
    case AdjustmentKind::kNightSupport: return "night_support";
    case AdjustmentKind::kOther: return "other";
  }
  return "other";
}

std::optional<std::size_t> Rulebook::find_question(std::string_view question_id) const {
  for (std::size_t question_idx = 0; question_idx < questions.size(); ++question_idx) {
    if (questions[question_idx].id == question_id) return question_idx;
  }
  return std::nullopt;
}

std::int64_t Rulebook::max_total_points() const {
  std::int64_t total = 0;
  for (const Question& question : questions) {
    std::int64_t most = 0;
    for (const Answer& answer : question.answers) most = std::max(most, answer.points);
    total += most;
  }
  return total;
}

}  // namespace allot::ras
