#pragma once
// Who acts: row ids, the roles a user can hold, and the attribution written
// into history. Shared by every capability.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>


namespace allot::app {

// Database row ids: positive, assigned by the store, never reused.
using Id = std::int64_t;

enum class Role {
  kAdministrator,
  kAssessor,
  kTeamManager,
  kPanelMember,
  kFinanceOfficer,
  kCommissioner,
  kProviderUser,
  kAnalyst,
  kDataProtectionOfficer,
  kPerson,  // a person (or their representative) signed in to see their own record
};
// "administrator", "assessor", "team_manager", "panel_member", "finance_officer",
// "commissioner", "provider_user", "analyst", "data_protection_officer", "person".
const char* role_name(Role role);
std::optional<Role> parse_role(std::string_view name);
// Every role, in the order above.
const std::vector<Role>& all_roles();

// Who did something, as it is written into history: text, so history still reads
// correctly if the user or agency is later renamed or deactivated. Unattended
// work uses a fixed name ("system", "public").
struct Actor {
  std::string username;
  std::string agency;  // the agency's code
  bool operator==(const Actor&) const = default;
};

}  // namespace allot::app
