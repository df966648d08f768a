#include "allot/app/map/permissions.h"

namespace allot::app {

std::span<const Permission> map_permissions() {
  // A provider's own staff see only their provider's packages on it (care_map.h).
  static const std::vector<Permission> kPermissions = {
      {"care_map.read",
       {Role::kCommissioner, Role::kAnalyst, Role::kFinanceOfficer, Role::kProviderUser},
       "see people's packages, providers' bases and community opportunities on the map of the area"},
  };
  return kPermissions;
}

}  // namespace allot::app
