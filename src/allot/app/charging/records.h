#pragma once
// The charging records: published charging rules versions and financial
// assessments (both append-only).

#include <optional>
#include <string>

#include "allot/app/shared/actor.h"
#include "allot/app/shared/clock.h"
#include "allot/base/date.h"
#include "allot/base/money.h"

namespace allot::app {

// One published version of charging rules; never changed once stored.
struct ChargingRulesVersion {
  std::string rules_id;
  int version = 0;
  std::string title;
  Date effective_from;
  std::string document;  // the JSON document exactly as published
  std::string published_by;
  Timestamp published_at;
  bool operator==(const ChargingRulesVersion&) const = default;
};

// A financial assessment as recorded: the answers, the rules version used and
// the calculation with its derivation. A new assessment supersedes the last one
// from its effective date; none is ever changed.
struct FinancialAssessmentRecord {
  Id id = 0;
  Id person_id = 0;
  std::string rules_id;
  int rules_version = 0;
  std::string status;  // "assessed", "deferred", "refused"
  std::string reason;
  Date effective_from;
  std::string assessment;   // JSON (charging::financial_assessment_to_json)
  std::string calculation;  // JSON (charging::calculation_to_json)
  Money weekly_cost;
  Money assessed_weekly;    // what the person could pay before the cap at the cost
  Money contribution;       // what the person pays a week at that cost
  bool full_cost = false;
  std::string recorded_by;
  std::string agency;
  Timestamp recorded_at;
  bool operator==(const FinancialAssessmentRecord&) const = default;
};

}  // namespace allot::app
