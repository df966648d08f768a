#include "allot/app/shared/access_policy.h"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "allot/app/access/permissions.h"
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
    append(all, access_permissions());
    const std::span<const RoleReach> reaches = role_reaches();
    return AccessPolicy(std::move(all), std::vector<RoleReach>(reaches.begin(), reaches.end()));
  }();
  return policy;
}

AccessPolicy::AccessPolicy(std::vector<Permission> permissions, std::vector<RoleReach> reaches)
    : permissions_(std::move(permissions)), reaches_(std::move(reaches)) {}

Reach AccessPolicy::reach_of(Role role) const {
  auto found = std::find_if(reaches_.begin(), reaches_.end(), [&](const RoleReach& rule) { return rule.role == role; });
  return found == reaches_.end() ? Reach::kNone : found->reach;
}

std::string_view record_part_id(RecordPart part) {
  switch (part) {
    case RecordPart::kIdentity: return "identity";
    case RecordPart::kAssessment: return "assessment";
    case RecordPart::kPlan: return "plan";
    case RecordPart::kMoney: return "money";
    case RecordPart::kCaseWork: return "case_work";
    case RecordPart::kDiary: return "diary";
  }
  return "";
}

bool AccessPolicy::role_sees(Role role, RecordPart part) const {
  auto found = std::find_if(reaches_.begin(), reaches_.end(), [&](const RoleReach& rule) { return rule.role == role; });
  return found != reaches_.end() && std::find(found->parts.begin(), found->parts.end(), part) != found->parts.end();
}

std::vector<RecordPart> AccessPolicy::parts_of(const Principal& principal, std::string_view action,
                                               const Subject& subject) const {
  std::vector<RecordPart> parts;
  const Permission* permission = find(action);
  if (permission == nullptr) return parts;
  Subject whole = subject;
  whole.part.reset();
  for (RecordPart part : kRecordParts) {
    const bool seen = std::any_of(permission->roles.begin(), permission->roles.end(), [&](Role role) {
      return role_sees(role, part) && reaches_subject(principal, role, *permission, whole);
    });
    if (seen) parts.push_back(part);
  }
  return parts;
}

bool AccessPolicy::own_work_only(const Principal& principal, std::string_view action, const Subject& subject,
                                 RecordPart part) const {
  const Permission* permission = find(action);
  if (permission == nullptr) return true;
  Subject whole = subject;
  whole.part.reset();
  for (Role role : permission->roles) {
    // Only the roles through which the principal sees this part of this record count.
    if (!role_sees(role, part) || !reaches_subject(principal, role, *permission, whole)) continue;
    auto found = std::find_if(reaches_.begin(), reaches_.end(), [&](const RoleReach& rule) { return rule.role == role; });
    if (found == reaches_.end() || !found->own_work_only) return false;
  }
  // No role sees the part: there is nothing of anyone's work to show.
  return true;
}

bool AccessPolicy::reaches_subject(const Principal& principal, Role role, const Permission& permission,
                                const Subject& subject) const {
  if (!principal.has_role(role)) return false;
  if (!subject.person_id) return true;
  // An action that shows one part of the record: only roles that see that part.
  if (subject.part && !role_sees(role, *subject.part)) return false;
  switch (reach_of(role)) {
    case Reach::kNone: return false;
    case Reach::kOwnRecord: return principal.person_id && *principal.person_id == *subject.person_id;
    case Reach::kCareTeam:
      if (permission.outside_care_team || subject.access == nullptr) return true;
      return subject.access->on_care_team || subject.access->break_glass;
    case Reach::kCareTeamOrPanel:
      if (subject.access == nullptr) return true;
      return subject.access->on_care_team || subject.access->awaiting_panel;
  }
  return false;
}

const Permission* AccessPolicy::find(std::string_view action) const {
  auto found = std::find_if(permissions_.begin(), permissions_.end(),
                            [&](const Permission& permission) { return permission.action == action; });
  return found == permissions_.end() ? nullptr : &*found;
}

bool AccessPolicy::allows(const Principal& principal, std::string_view action, const Subject& subject) const {
  const Permission* permission = find(action);
  if (permission == nullptr) return false;
  return std::any_of(permission->roles.begin(), permission->roles.end(),
                     [&](Role role) { return reaches_subject(principal, role, *permission, subject); });
}

Result<tl::monostate> AccessPolicy::check(const Principal& principal, std::string_view action,
                                          const Subject& subject) const {
  if (allows(principal, action, subject)) return tl::monostate{};
  const Permission* permission = find(action);
  if (permission == nullptr) {
    return fail(ErrorCode::kForbidden, "", fmt::format("{} is not an action anyone may take", action));
  }
  const bool has_role = std::any_of(permission->roles.begin(), permission->roles.end(),
                                    [&](Role role) { return principal.has_role(role); });
  if (has_role && subject.person_id && subject.part) {
    Subject whole = subject;
    whole.part.reset();
    if (allows(principal, action, whole)) {
      return fail(ErrorCode::kForbidden, "",
                  fmt::format("your role does not see the {} part of a person's record", record_part_id(*subject.part)));
    }
  }
  if (has_role && subject.person_id) {
    // The same words whether or not the record exists, so guessing ids tells nothing.
    return fail(ErrorCode::kForbidden, "",
                fmt::format("person {} is not one you may see: you and your agency are not on their care team "
                            "(break glass if you must, with a reason)",
                            *subject.person_id));
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
