#include "allot/app/diary/permissions.h"

namespace allot::app {

// The roles involved in a person's care, in any agency: the council's assessors
// and team managers, health staff (who hold the assessor role at an NHS trust)
// and providers' staff. Which people each may see is the policy's to decide from
// the subject (the care team), not a list here.
std::span<const Permission> diary_permissions() {
  static const std::vector<Permission> kPermissions = {
      {"diary.read",
       {Role::kAssessor, Role::kTeamManager, Role::kProviderUser},
       "read a person's support diary and the history of its entries"},
      {"diary.write",
       {Role::kAssessor, Role::kTeamManager, Role::kProviderUser},
       "add entries to a person's support diary, and change or cancel their own agency's entries"},
  };
  return kPermissions;
}

}  // namespace allot::app
