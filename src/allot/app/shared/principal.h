#pragma once
// Who is asking: the signed-in user as every use case sees them. The api builds a
// Principal from the session or bearer token; use cases hand it to the access
// policy (access_policy.h) and record its username in events and the audit log.

#include <optional>
#include <string>
#include <vector>

#include "allot/app/shared/actor.h"

namespace allot::app {

struct Principal {
  Id user_id = 0;
  std::string username;
  std::vector<Role> roles;  // sorted in all_roles() order, no duplicates
  Id agency_id = 0;
  std::string agency;              // the agency's code
  std::vector<std::string> teams;  // the teams the user works in, where recorded
  std::optional<Id> person_id;     // a person's own account (role person): whose record it is

  bool has_role(Role role) const;
  // The attribution written into events and audit entries.
  Actor actor() const { return Actor{username, agency}; }
};

// A principal for work no person started (demo data, migrations, batch jobs run
// from the CLI): an administrator of the named agency.
Principal system_principal(std::string username, std::string agency);

}  // namespace allot::app
