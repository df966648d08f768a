#include "allot/app/identity/permissions.h"

namespace allot::app {

std::span<const Permission> identity_permissions() {
  // Signing in and out, and reading one's own session, need no permission.
  static const std::vector<Permission> kPermissions = {
      {"users.manage", {Role::kAdministrator}, "add agencies and users, and activate or deactivate users"},
  };
  return kPermissions;
}

}  // namespace allot::app
