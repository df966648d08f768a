#include "allot/ras/answers.h"

namespace allot::ras {
namespace {

std::string valid_answers(const Question& question) {
  std::string out;
  for (const Answer& answer : question.answers) {
    if (!out.empty()) out += ", ";
    out += answer.id;
  }
  return out;
}

}  // namespace

Result<AnswerSet> resolve_answers(const Rulebook& rulebook, const std::map<std::string, std::string>& answers,
                                  std::string_view path_prefix) {
  Issues issues;
  const std::string prefix(path_prefix);
  for (const auto& [question_id, answer_id] : answers) {
    if (!rulebook.find_question(question_id)) {
      issues.push_back({ErrorCode::kUnknownReference, prefix + "." + question_id,
                        "unknown question \"" + question_id + "\" in rulebook " + rulebook.id + " version " +
                            std::to_string(rulebook.version)});
    }
  }
  AnswerSet result;
  result.chosen.resize(rulebook.questions.size());
  for (std::size_t question_idx = 0; question_idx < rulebook.questions.size(); ++question_idx) {
    const Question& question = rulebook.questions[question_idx];
    const auto given = answers.find(question.id);
    if (given == answers.end()) {
      if (question.default_answer) {
        result.chosen[question_idx] = *question.default_answer;
      } else {
        issues.push_back({ErrorCode::kMissingField, prefix + "." + question.id,
                          "unanswered; expected one of " + valid_answers(question)});
      }
      continue;
    }
    if (const auto answer_idx = question.find_answer(given->second)) {
      result.chosen[question_idx] = *answer_idx;
    } else {
      issues.push_back({ErrorCode::kUnknownReference, prefix + "." + question.id,
                        "unknown answer \"" + given->second + "\"; expected one of " + valid_answers(question)});
    }
  }
  if (!issues.empty()) return fail(std::move(issues));
  return result;
}

Result<AnswerSet> read_answers(const Rulebook& rulebook, const nlohmann::json& document) {
  if (!document.is_object()) {
    return fail(ErrorCode::kWrongType, "", std::string("must be an object {\"answers\": {...}}; found ") + document.type_name());
  }
  Issues issues;
  for (const auto& [key, value] : document.items()) {
    if (key != "answers") issues.push_back({ErrorCode::kInvalidValue, key, "unknown field; expected answers"});
  }
  const auto found = document.find("answers");
  if (found == document.end()) {
    issues.push_back({ErrorCode::kMissingField, "answers", "is required: an object of question id to answer id"});
    return fail(std::move(issues));
  }
  if (!found->is_object()) {
    issues.push_back({ErrorCode::kWrongType, "answers", std::string("must be an object; found ") + found->type_name()});
    return fail(std::move(issues));
  }
  std::map<std::string, std::string> answers;
  for (const auto& [question_id, answer] : found->items()) {
    if (!answer.is_string()) {
      issues.push_back({ErrorCode::kWrongType, "answers." + question_id,
                        std::string("must be an answer id (text); found ") + answer.type_name()});
      continue;
    }
    answers[question_id] = answer.get<std::string>();
  }
  auto resolved = resolve_answers(rulebook, answers);
  if (!resolved) issues.insert(issues.end(), resolved.error().begin(), resolved.error().end());
  if (!issues.empty()) return fail(std::move(issues));
  return resolved;
}

}  // namespace allot::ras
