#include "allot/app/programmes/permissions.h"

namespace allot::app {

std::span<const Permission> programmes_permissions() {
  static const std::vector<Permission> kPermissions = {
      {"programmes.read",
       {Role::kFinanceOfficer, Role::kCommissioner, Role::kAnalyst, Role::kAdministrator},
       "read grant programmes and their reports"},
      {"programmes.manage", {Role::kFinanceOfficer, Role::kCommissioner}, "import grant programmes"},
  };
  return kPermissions;
}

}  // namespace allot::app
