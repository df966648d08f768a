#pragma once
// The RAS records: published rulebook versions, drafts and recorded scores.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/app/shared/actor.h"
#include "allot/app/shared/clock.h"
#include "allot/base/date.h"
#include "allot/base/money.h"

namespace allot::app {

// One published version of a rulebook. Immutable once stored: a change is a new
// version, a new row.
struct RulebookVersion {
  std::string rulebook_id;
  int version = 0;
  std::string title;
  Date effective_from;
  std::string document;  // the JSON document exactly as published
  std::string published_by;
  Timestamp published_at;
  bool operator==(const RulebookVersion&) const = default;
};

// A rulebook being edited. Mutable, one per rulebook id, guarded by row_version
// (optimistic concurrency: a save names the row_version it read).
struct RulebookDraft {
  std::string rulebook_id;
  std::string document;
  std::int64_t row_version = 0;
  std::string updated_by;
  Timestamp updated_at;
  bool operator==(const RulebookDraft&) const = default;
};

// A score given by a rulebook: names the rulebook id and version it used, so any
// indicative budget can be re-derived later.
struct ScoreRecord {
  Id id = 0;
  std::string rulebook_id;
  int rulebook_version = 0;
  std::string answers;  // JSON
  std::string result;   // JSON
  Money annual;         // the indicative annual budget, stored as pence
  std::string scored_by;
  Timestamp scored_at;
  bool operator==(const ScoreRecord&) const = default;
};

// Where a draft version came from.
enum class DraftOrigin { kUpload, kCalibration };
// "upload", "calibration"
const char* draft_origin_name(DraftOrigin origin);

// A draft version's place in governance: drafted (by upload or calibration),
// proposed by an analyst with an effective date and a simulation, then approved
// by a second person with the approving role (it is then published) or rejected
// with a reason (it may be proposed again).
enum class DraftStatus { kDraft, kProposed, kApproved, kRejected };
// "draft", "proposed", "approved", "rejected"
const char* draft_status_name(DraftStatus status);
std::optional<DraftStatus> parse_draft_status(std::string_view name);

// A rulebook version not yet published. Its version number is reserved: no other
// draft or published version of the rulebook may take it. Guarded by row_version
// (a step names the row_version it read).
struct DraftVersion {
  std::string rulebook_id;
  int version = 0;
  std::string title;
  DraftOrigin origin = DraftOrigin::kUpload;
  std::string document;  // the JSON document; its effective_from is the proposal's once proposed
  DraftStatus status = DraftStatus::kDraft;
  std::optional<Date> effective_from;  // set when proposed
  std::string simulation;              // JSON: who gains and who loses, set when proposed
  std::string created_by;
  Timestamp created_at;
  std::string proposed_by;  // empty until proposed
  std::int64_t row_version = 1;
  bool operator==(const DraftVersion&) const = default;
};

// One step of a rulebook's governance, kept for ever.
enum class GovernanceStep { kDrafted, kProposed, kApproved, kRejected };
// "drafted", "proposed", "approved", "rejected"
const char* governance_step_name(GovernanceStep step);
std::optional<GovernanceStep> parse_governance_step(std::string_view name);

struct RulebookStep {
  Id id = 0;
  std::string rulebook_id;
  int version = 0;
  GovernanceStep step = GovernanceStep::kDrafted;
  Actor by;
  Timestamp at;
  std::optional<Date> effective_from;  // proposed and approved steps
  std::string note;                    // how it was drafted, or the reason for a rejection
  bool operator==(const RulebookStep&) const = default;
};

struct NewScore {
  std::string rulebook_id;
  int rulebook_version = 0;
  std::string answers;
  std::string result;
  Money annual;
};

}  // namespace allot::app
