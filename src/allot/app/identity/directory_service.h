#pragma once
// Agencies and the users who belong to them.
//
// Thread-safety: safe to call from several threads; Store and Clock must outlive
// the service.

#include <string_view>
#include <vector>

#include "allot/app/shared/clock.h"
#include "allot/app/shared/principal.h"
#include "allot/app/identity/records.h"
#include "allot/app/identity/repositories.h"
#include "allot/app/shared/audit_log.h"
#include "allot/app/shared/store.h"
#include "allot/base/issue.h"

namespace allot::app {

class DirectoryService {
 public:
  DirectoryService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Adds an agency (audited as "create_agency"). kInvalidValue for an empty name
  // or a code that is not 1-64 of a-z 0-9 - (path "code"/"name"); kDuplicate
  // ("code") if the code is taken.
  Result<Agency> create_agency(const NewAgency& agency, const Principal& by);
  // kNotFound ("agency").
  Result<Agency> agency(Id agency_id);
  Result<Agency> agency_by_code(std::string_view code);
  Result<std::vector<Agency>> agencies();

  // kNotFound ("user").
  Result<User> user(Id user_id);
  // Every user, ordered by username.
  Result<std::vector<User>> users();
  // Deactivates or reactivates a user (audited); deactivation ends their sessions.
  Result<Unit> set_user_active(Id user_id, bool active, const Principal& by);
  // Records the locality or team a user works in (audited as "set_locality";
  // users.manage). kInvalidValue ("locality") if longer than 200 characters;
  // kNotFound ("user").
  Result<Unit> set_user_locality(Id user_id, std::string_view locality, const Principal& by);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace allot::app
