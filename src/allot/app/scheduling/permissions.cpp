#include "allot/app/scheduling/permissions.h"

namespace allot::app {

std::span<const Permission> scheduling_permissions() {
  static const std::vector<Permission> kPermissions = {
      {"scheduling.solve", {Role::kCommissioner, Role::kProviderUser, Role::kAdministrator, Role::kAnalyst},
       "run the visit scheduling engine"},
      // Commissioners open any provider's week; a provider's own staff only their provider's.
      {"scheduling.provider_week", {Role::kCommissioner, Role::kProviderUser},
       "plan a provider's carers' week from its packages"},
  };
  return kPermissions;
}

}  // namespace allot::app
