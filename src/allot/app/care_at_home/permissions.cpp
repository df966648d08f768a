#include "allot/app/care_at_home/permissions.h"

namespace allot::app {

std::span<const Permission> care_at_home_permissions() {
  static const std::vector<Permission> kPermissions = {
      {"providers.read",
       {Role::kCommissioner, Role::kFinanceOfficer, Role::kAnalyst},
       "read the provider framework: providers, inspections and their standing"},
      {"providers.manage", {Role::kCommissioner}, "add providers and record their inspections"},
  };
  return kPermissions;
}

}  // namespace allot::app
