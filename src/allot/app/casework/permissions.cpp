#include "allot/app/casework/permissions.h"

namespace allot::app {

std::span<const Permission> casework_permissions() {
  // Case notes are read by whoever reads people's records (app/journey/permissions.cpp).
  static const std::vector<Role> kReaders = {Role::kAssessor, Role::kTeamManager, Role::kPanelMember,
                                             Role::kFinanceOfficer, Role::kAdministrator};
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
