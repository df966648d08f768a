#pragma once
// Reading and writing rulebook documents (format "allot-rulebook/1", docs/rulebooks.md).
// No I/O: the caller reads the file and passes the parsed JSON in.

#include <nlohmann/json.hpp>

#include "allot/base/issue.h"
#include "allot/ras/rulebook.h"

namespace allot::ras {

// Validates a rulebook document and converts it. On failure returns every problem
// found, each with its JSON path ("questions[2].answers[1].points") and a message.
Result<Rulebook> parse_rulebook(const nlohmann::json& document);

// The canonical document for a rulebook; parse_rulebook(rulebook_to_json(r)) == r.
nlohmann::json rulebook_to_json(const Rulebook& rulebook);

// Parses JSON text, turning a syntax error into an Issue with line and column.
Result<nlohmann::json> parse_json_text(std::string_view text, std::string_view source_name);

}  // namespace allot::ras
