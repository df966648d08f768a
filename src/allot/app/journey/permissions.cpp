#include "allot/app/journey/permissions.h"

namespace allot::app {

std::span<const Permission> journey_permissions() {
  // Who may see people's records, and who may change them (docs/api.md).
  static const std::vector<Role> kReaders = {Role::kAssessor, Role::kTeamManager, Role::kPanelMember,
                                             Role::kFinanceOfficer, Role::kAdministrator};
  static const std::vector<Role> kWriters = {Role::kAssessor, Role::kTeamManager};
  static const std::vector<Permission> kPermissions = {
      {"people.read",
       {Role::kAssessor, Role::kTeamManager, Role::kPanelMember, Role::kFinanceOfficer, Role::kAdministrator,
        Role::kProviderUser, Role::kPerson},
       "read people's records, timelines, plans and drafts: only the parts each role sees (app/access)"},
      {"people.write", kWriters, "add and change people's records and take journey steps"},
      {"people.decide", {Role::kTeamManager}, "sign off a support plan as team manager"},
      {"panel.read_queue", {Role::kPanelMember, Role::kTeamManager, Role::kFinanceOfficer, Role::kAdministrator},
       "see plans awaiting the Resource Allocation Group"},
      {"panel.read", kReaders, "read Resource Allocation Group meetings"},
      {"panel.record", {Role::kPanelMember}, "record a Resource Allocation Group meeting and its decisions"},
      // The panel's own record: its members see every decision it made; other
      // readers of meetings only the decisions about people on their care teams.
      {"panel.read_decisions", {Role::kPanelMember},
       "read every decision of the Resource Allocation Group's meetings, whatever the person's care team"},
      {"reviews.read", kReaders, "see reviews due"},
      {"budgets.read_drift", kReaders, "compare agreed budgets with indicative budgets"},
  };
  return kPermissions;
}

}  // namespace allot::app
