#pragma once
// The one access policy: may this principal take this action on this subject?
//
// Every use case asks it, inside the transaction that writes its audit entry, so
// a refusal is decided and recorded in one place. The rules are data: each
// capability lists its actions and the roles that may take them in its own
// folder (for example app/journey/permissions.cpp), and access_policy.cpp
// gathers those lists with one line per capability. The route table asks the
// same policy before a request body is read, and GET /api/v1/session tells the
// pages which actions the signed-in user may take, so no role list is copied.
//
// Today a rule names roles; a subject (a person's record) is carried so that the
// rules by care team and agency can decide on it without changing any caller.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "allot/app/shared/principal.h"
#include "allot/base/issue.h"

namespace allot::app {

// One action and who may take it. Action names are "capability.verb", stable
// and visible to the pages: "people.read", "rulebooks.publish".
struct Permission {
  std::string_view action;
  std::vector<Role> roles;   // any one of these roles may take the action
  std::string_view summary;  // what the action is, in plain words
};

// What an action is done to; empty when it is not about one record.
struct Subject {
  std::optional<Id> person_id;
};

class AccessPolicy {
 public:
  // The policy from every capability's permissions (access_policy.cpp).
  static const AccessPolicy& standard();
  explicit AccessPolicy(std::vector<Permission> permissions);

  // True if the principal may take the action on the subject. An action no
  // capability declares is never allowed.
  bool allows(const Principal& principal, std::string_view action, const Subject& subject = {}) const;
  // The same as a Result: kForbidden naming the action and the roles that may
  // take it.
  Result<tl::monostate> check(const Principal& principal, std::string_view action,
                              const Subject& subject = {}) const;
  // Every action this principal may take (for GET /api/v1/session), in
  // declaration order.
  std::vector<std::string> allowed_actions(const Principal& principal) const;
  // The permission for an action, or null.
  const Permission* find(std::string_view action) const;
  std::span<const Permission> permissions() const { return permissions_; }

 private:
  std::vector<Permission> permissions_;
};

}  // namespace allot::app
