#include "allot/app/casework/permissions.h"

namespace allot::app {

std::span<const Permission> casework_permissions() {
  // Case notes are for the workers on the care team: a panel member sees the plans,
  // a finance officer the money, the administrator the users (app/access/permissions.cpp).
  static const std::vector<Role> kReaders = {Role::kAssessor, Role::kTeamManager};
  static const std::vector<Permission> kPermissions = {
      {"caseload.read", {Role::kAssessor, Role::kTeamManager}, "see their caseload and tasks"},
      {"caseload.read_team", {Role::kTeamManager, Role::kAdministrator}, "see a team's caseload"},
      {"caseload.allocate", {Role::kTeamManager}, "allocate and reallocate cases"},
      {"notes.read", kReaders, "read case notes"},
      {"notes.write", {Role::kAssessor, Role::kTeamManager}, "write case notes and corrections"},
      {"addresses.read", {Role::kAssessor, Role::kTeamManager, Role::kAdministrator}, "look up addresses"},
      {"addresses.import", {Role::kAdministrator}, "import the address gazetteer"},
  };
  return kPermissions;
}

}  // namespace allot::app
