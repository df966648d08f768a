#include "allot/app/audit/permissions.h"

namespace allot::app {

std::span<const Permission> audit_permissions() {
  // The data protection officer answers "who looked at this person's record" and
  // checks the log has not been altered; the administrator may read it too.
  static const std::vector<Permission> kPermissions = {
      {"audit.read", {Role::kAdministrator, Role::kDataProtectionOfficer}, "read and export the audit log"},
      {"audit.verify", {Role::kDataProtectionOfficer, Role::kAdministrator}, "verify the audit log's hash chain"},
  };
  return kPermissions;
}

}  // namespace allot::app
