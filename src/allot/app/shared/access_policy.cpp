#include "allot/app/shared/access_policy.h"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "allot/app/audit/permissions.h"
#include "allot/app/budgets/permissions.h"
#include "allot/app/care_at_home/permissions.h"
#include "allot/app/casework/permissions.h"
#include "allot/app/community/permissions.h"
#include "allot/app/map/permissions.h"
#include "allot/app/charging/permissions.h"
#include "allot/app/diary/permissions.h"
#include "allot/app/identity/permissions.h"
#include "allot/app/journey/permissions.h"
#include "allot/app/programmes/permissions.h"
#include "allot/app/ras/permissions.h"
#include "allot/app/scheduling/permissions.h"

namespace allot::app {

namespace {

void append(std::vector<Permission>& all, std::span<const Permission> more) {
  all.insert(all.end(), more.begin(), more.end());
}

std::string roles_text(const std::vector<Role>& roles) {
  std::string text;
  for (Role role : roles) {
    if (!text.empty()) text += ", ";
    text += role_name(role);
  }
  return text;
}

}  // namespace

const AccessPolicy& AccessPolicy::standard() {
  static const AccessPolicy policy = [] {
    std::vector<Permission> all;
    // One line per capability.
    append(all, identity_permissions());
    append(all, ras_permissions());
    append(all, journey_permissions());
    append(all, scheduling_permissions());
    append(all, budgets_permissions());
    append(all, charging_permissions());
    append(all, programmes_permissions());
    append(all, care_at_home_permissions());
    append(all, casework_permissions());
    append(all, community_permissions());
    append(all, map_permissions());
    append(all, audit_permissions());
    append(all, diary_permissions());
    return AccessPolicy(std::move(all));
  }();
  return policy;
}

AccessPolicy::AccessPolicy(std::vector<Permission> permissions) : permissions_(std::move(permissions)) {}

const Permission* AccessPolicy::find(std::string_view action) const {
  auto found = std::find_if(permissions_.begin(), permissions_.end(),
                            [&](const Permission& permission) { return permission.action == action; });
  return found == permissions_.end() ? nullptr : &*found;
}

bool AccessPolicy::allows(const Principal& principal, std::string_view action, const Subject&) const {
  const Permission* permission = find(action);
  if (permission == nullptr) return false;
  return std::any_of(permission->roles.begin(), permission->roles.end(),
                     [&](Role role) { return principal.has_role(role); });
}

Result<tl::monostate> AccessPolicy::check(const Principal& principal, std::string_view action,
                                          const Subject& subject) const {
  if (allows(principal, action, subject)) return tl::monostate{};
  const Permission* permission = find(action);
  if (permission == nullptr) {
    return fail(ErrorCode::kForbidden, "", fmt::format("{} is not an action anyone may take", action));
  }
  return fail(ErrorCode::kForbidden, "", fmt::format("needs one of the roles: {}", roles_text(permission->roles)));
}

std::vector<std::string> AccessPolicy::allowed_actions(const Principal& principal) const {
  std::vector<std::string> actions;
  for (const Permission& permission : permissions_) {
    if (allows(principal, permission.action)) actions.emplace_back(permission.action);
  }
  return actions;
}

bool Principal::has_role(Role role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }

Principal system_principal(std::string username, std::string agency) {
  Principal principal;
  principal.username = std::move(username);
  principal.agency = std::move(agency);
  principal.roles = {Role::kAdministrator};
  return principal;
}

}  // namespace allot::app
