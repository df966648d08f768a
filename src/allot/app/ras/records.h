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

struct NewScore {
  std::string rulebook_id;
  int rulebook_version = 0;
  std::string answers;
  std::string result;
  Money annual;
};

}  // namespace allot::app
