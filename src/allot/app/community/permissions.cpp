#include "allot/app/community/permissions.h"

namespace allot::app {

std::span<const Permission> community_permissions() {
  // The directory holds no personal data: everyone who plans or buys support
  // reads it, and those who find community support for people keep it up to date.
  static const std::vector<Permission> kPermissions = {
      {"community.read",
       {Role::kAssessor, Role::kTeamManager, Role::kCommissioner, Role::kProviderUser, Role::kAnalyst,
        Role::kFinanceOfficer, Role::kPanelMember},
       "read the directory of community opportunities"},
      {"community.manage",
       {Role::kAssessor, Role::kTeamManager, Role::kCommissioner},
       "add and change entries in the directory of community opportunities"},
  };
  return kPermissions;
}

}  // namespace allot::app
