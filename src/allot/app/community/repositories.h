#pragma once
// What the directory of community opportunities needs from a database (errors
// and thread-safety as in app/shared/store.h).

#include <vector>

#include "allot/app/community/records.h"
#include "allot/app/shared/store.h"

namespace allot::app {

class CommunityRepository {
 public:
  virtual ~CommunityRepository() = default;
  // A new entry at version 1.
  virtual Result<CommunityOpportunity> add(const CommunityDetails& details, const std::string& located_by,
                                           const Actor& by, Timestamp now) = 0;
  // A new version of entry `id` after `expected_version`; kConflict when another
  // change was kept first, kNotFound for an unknown id.
  virtual Result<CommunityOpportunity> change(Id id, int expected_version, const CommunityDetails& details,
                                              const std::string& located_by, const Actor& by, Timestamp now) = 0;
  // Every entry at its latest version, by name.
  virtual Result<std::vector<CommunityOpportunity>> list() = 0;
  // kNotFound if no entry has this id.
  virtual Result<CommunityOpportunity> get(Id id) = 0;
  // Every version of one entry, newest first.
  virtual Result<std::vector<CommunityOpportunity>> history(Id id) = 0;
};

}  // namespace allot::app
