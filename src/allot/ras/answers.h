#pragma once
// A person's answers to a rulebook's questions, checked against that rulebook.

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "allot/base/issue.h"
#include "allot/ras/rulebook.h"

namespace allot::ras {

// One chosen answer index per question, in the rulebook's question order.
struct AnswerSet {
  std::vector<std::size_t> chosen;
};

// Checks answers (question id -> answer id) against the rulebook. Every problem is
// reported: an unknown question, an unknown answer (naming the valid ones), and a
// question left unanswered that declares no default.
Result<AnswerSet> resolve_answers(const Rulebook& rulebook, const std::map<std::string, std::string>& answers,
                                  std::string_view path_prefix = "answers");

// The same from an answers document: {"answers": {"question_id": "answer_id", ...}}.
Result<AnswerSet> read_answers(const Rulebook& rulebook, const nlohmann::json& document);

}  // namespace allot::ras
