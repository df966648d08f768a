#include "allot/app/shared/concurrency.h"

#include <fmt/format.h>

namespace allot::app {

Issue stale_version_issue(std::string_view record, std::int64_t read_version, std::int64_t current_version) {
  return Issue{ErrorCode::kConflict, std::string(record),
               fmt::format("was changed by someone else: you read version {} but it is now version {}; "
                           "reload and try again",
                           read_version, current_version)};
}

Issue missing_record_issue(std::string_view record) {
  return Issue{ErrorCode::kNotFound, std::string(record), "does not exist (it may have been removed)"};
}

}  // namespace allot::app
