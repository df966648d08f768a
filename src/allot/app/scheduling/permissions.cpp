#include "allot/app/scheduling/permissions.h"

namespace allot::app {

std::span<const Permission> scheduling_permissions() {
  static const std::vector<Permission> kPermissions = {
      {"scheduling.solve", {Role::kCommissioner, Role::kProviderUser, Role::kAdministrator, Role::kAnalyst},
       "run the visit scheduling engine"},
  };
  return kPermissions;
}

}  // namespace allot::app
