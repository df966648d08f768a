#pragma once
// Small named rulebooks for the RAS tests, built as JSON so each test shows the
// document it scores.

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "allot/ras/rulebook_json.h"

namespace allot::ras::testing {

// Two questions, 45.00 a point, an informal-support adjustment, a 10% range.
inline nlohmann::json ok_points() {
  return nlohmann::json::parse(R"({
    "format": "allot-rulebook/1", "id": "ok-points", "version": 1, "title": "Points",
    "effective_from": "2026-04-01",
    "questions": [
      {"id": "personal_care", "domain": "Personal care", "text": "Washing and dressing?",
       "answers": [{"id": "none", "text": "None", "points": 0},
                   {"id": "some", "text": "Some", "points": 8, "units_per_week": {"home_care_hour": 3.5}},
                   {"id": "lots", "text": "Lots", "points": 15}]},
      {"id": "mobility", "domain": "Mobility", "text": "Moving around?",
       "answers": [{"id": "none", "text": "None", "points": 0}, {"id": "some", "text": "Some", "points": 7}]},
      {"id": "family_support", "domain": "Family and carers", "text": "Family help?",
       "answers": [{"id": "none", "text": "None", "points": 0}, {"id": "some", "text": "Some", "points": 0},
                   {"id": "lots", "text": "Lots", "points": 0}], "default": "none"}
    ],
    "allocation": {"method": "points", "pence_per_point": 4500},
    "adjustments": [{"kind": "informal_support", "question": "family_support",
                     "factors": {"none": 1.0, "some": 0.9, "lots": 0.75}}],
    "range_percent": 10,
    "review_flags": [{"above_annual_pence": 50000, "flag": "panel_review"}]
  })");
}

inline Rulebook must_parse(const nlohmann::json& document) {
  auto rulebook = parse_rulebook(document);
  if (!rulebook) throw std::runtime_error("fixture does not parse:\n" + format_issues(rulebook.error()));
  return *rulebook;
}

inline std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(ALLOT_SOURCE_DIR) + "/" + relative);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace allot::ras::testing
