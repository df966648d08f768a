#include "allot/app/shared/records.h"

#include <algorithm>
#include <array>

namespace allot::app {

namespace {

constexpr std::array<std::pair<AgencyKind, const char*>, 4> kAgencyKinds{{
    {AgencyKind::kCouncil, "council"},
    {AgencyKind::kNhsTrust, "nhs_trust"},
    {AgencyKind::kProvider, "provider"},
    {AgencyKind::kThirdSector, "third_sector"},
}};

constexpr std::array<std::pair<Role, const char*>, 8> kRoles{{
    {Role::kAdministrator, "administrator"},
    {Role::kAssessor, "assessor"},
    {Role::kTeamManager, "team_manager"},
    {Role::kPanelMember, "panel_member"},
    {Role::kFinanceOfficer, "finance_officer"},
    {Role::kCommissioner, "commissioner"},
    {Role::kProviderUser, "provider_user"},
    {Role::kAnalyst, "analyst"},
}};

}  // namespace

const char* agency_kind_name(AgencyKind kind) {
  for (const auto& [value, name] : kAgencyKinds) {
    if (value == kind) return name;
  }
  return "council";
}

std::optional<AgencyKind> parse_agency_kind(std::string_view name) {
  for (const auto& [value, known] : kAgencyKinds) {
    if (name == known) return value;
  }
  return std::nullopt;
}

const char* role_name(Role role) {
  for (const auto& [value, name] : kRoles) {
    if (value == role) return name;
  }
  return "analyst";
}

std::optional<Role> parse_role(std::string_view name) {
  for (const auto& [value, known] : kRoles) {
    if (name == known) return value;
  }
  return std::nullopt;
}

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles = [] {
    std::vector<Role> out;
    for (const auto& entry : kRoles) out.push_back(entry.first);
    return out;
  }();
  return roles;
}

bool User::has_role(Role role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }

}  // namespace allot::app
