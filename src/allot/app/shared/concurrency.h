#pragma once
// Optimistic concurrency for mutable records (drafts now; people's records,
// assessments and support plans later). Every such record carries a row version
// that starts at 1 and goes up by one on each save. A save names the version it
// read; the store changes the row only `WHERE key = ? AND row_version = ?`. If no
// row changed, either the record is gone (kNotFound) or someone saved first
// (kConflict): the caller reloads and tries again, or shows the user both.
// docs/storage.md describes the pattern and the SQL.

#include <cstdint>
#include <string>
#include <string_view>

#include "allot/base/issue.h"

namespace allot::app {

// The refusal for a stale save: kConflict naming both versions.
// path: the record ("rulebook_drafts/ras-2026"); message: "was changed by someone
// else: you read version 3 but it is now version 4; reload and try again".
Issue stale_version_issue(std::string_view record, std::int64_t read_version, std::int64_t current_version);

// The refusal when a record to be updated does not exist.
Issue missing_record_issue(std::string_view record);

}  // namespace allot::app
