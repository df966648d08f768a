#include "allot/app/shared/actor.h"

#include <array>
#include <utility>

namespace allot::app {

namespace {

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

}  // namespace allot::app
