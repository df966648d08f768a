#include "allot/app/charging/permissions.h"

namespace allot::app {

std::span<const Permission> charging_permissions() {
  // Reading the published charging rules is public, like the RAS criteria.
  static const std::vector<Permission> kPermissions = {
      {"charging.read",
       {Role::kAssessor, Role::kTeamManager, Role::kFinanceOfficer, Role::kAdministrator, Role::kPerson},
       "read a person's financial assessment and contribution (a person their own)"},
      {"charging.assess", {Role::kFinanceOfficer, Role::kAssessor}, "record a person's financial assessment"},
      {"charging.publish_rules", {Role::kFinanceOfficer, Role::kAdministrator}, "publish a charging rules version"},
  };
  return kPermissions;
}

}  // namespace allot::app
