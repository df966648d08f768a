#include "allot/app/shared/actor.h"

#include "allot/base/enum_text.h"

namespace allot::app {

namespace {

// The stored and JSON names of the roles; append only.
constexpr auto kRoles = make_enum_text<Role>({
    {Role::kAdministrator, "administrator"},
    {Role::kAssessor, "assessor"},
    {Role::kTeamManager, "team_manager"},
    {Role::kPanelMember, "panel_member"},
    {Role::kFinanceOfficer, "finance_officer"},
    {Role::kCommissioner, "commissioner"},
    {Role::kProviderUser, "provider_user"},
    {Role::kAnalyst, "analyst"},
    {Role::kDataProtectionOfficer, "data_protection_officer"},
    {Role::kPerson, "person"},
});
static_assert(kRoles.covers_through(Role::kPerson));

}  // namespace

const char* role_name(Role role) { return kRoles.name(role); }

std::optional<Role> parse_role(std::string_view name) { return kRoles.parse(name); }

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles = [] {
    std::vector<Role> out;
    for (const auto& entry : kRoles) out.push_back(entry.value);
    return out;
  }();
  return roles;
}

}  // namespace allot::app
