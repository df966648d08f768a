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
// A rule names roles; for an action on one person's record it also asks how far
// each role reaches (RoleReach, app/access/rules.cpp): most roles reach only the
// people whose care team they (or their agency) are on, with sharing in force; a
// person's own account reaches only their own record; the administrator reaches
// none. What the care team is, for this principal and this person, is loaded in
// the caller's transaction (app/access/access_service.h) and carried in the
// Subject, so the policy itself does no I/O.

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
  // True for the few actions that are the way onto a record from outside its care
  // team (break glass): decided by role alone.
  bool outside_care_team = false;
};

// How far a role reaches among people's records.
enum class Reach {
  kNone,       // no one's record (the administrator manages users, not people)
  kCareTeam,   // people whose care team the user or their agency is on, or with break glass
  kCareTeamOrPanel,  // as kCareTeam, and people whose plan awaits the Resource Allocation Group
  kOwnRecord,  // only the person the account is linked to
};

// The parts of a person's record. A role that reaches a record sees only the
// parts its rule lists: a finance officer the money, not the assessment or the
// case work.
enum class RecordPart {
  kIdentity,    // name, date of birth, NHS number, address, team, stage
  kAssessment,  // the assessment: how the budget was worked out, eligibility, carers' assessments
  kPlan,        // the support plan, its versions and sign-off, enablement
  kMoney,       // budgets (indicative amount, agreed, protection), contribution and financial assessment
  kCaseWork,    // the workers' own: the case history, drafts in progress, case notes, allocations
  kDiary,       // the support diary: visits, appointments, partners' entries
};
inline constexpr RecordPart kRecordParts[] = {RecordPart::kIdentity, RecordPart::kAssessment, RecordPart::kPlan,
                                              RecordPart::kMoney,    RecordPart::kCaseWork,   RecordPart::kDiary};
// "identity", "assessment", "plan", "money", "case_work", "diary".
std::string_view record_part_id(RecordPart part);

struct RoleReach {
  Role role;
  Reach reach;
  bool may_break_glass;   // may look outside the care team, with a reason, for a limited time
  std::string_view sees;  // what the role sees, in plain words (GET /api/v1/access/rules)
  std::vector<RecordPart> parts;  // the parts of a reached record the role sees
  // Sees only its own agency's work in the plan (a provider: the lines it delivers).
  bool own_work_only = false;
};

// What is known about one principal and one person's record, loaded inside the
// transaction that asks (app/access/access_service.h).
struct PersonAccess {
  bool on_care_team = false;  // the user, or their agency, is a current member with sharing in force
  bool break_glass = false;   // an unexpired break-glass grant for this user and this person
  bool awaiting_panel = false;  // the person's plan awaits the Resource Allocation Group
  std::string break_glass_reason;
};

// What an action is done to; empty when it is not about one record.
struct Subject {
  std::optional<Id> person_id;
  // Null when the caller has not loaded the care team: then only the roles decide
  // (the api loads it for every route under /people/{id}, before the use case).
  const PersonAccess* access = nullptr;
  // The part of the record the action shows (a route's part); none: any part.
  std::optional<RecordPart> part;
};

class AccessPolicy {
 public:
  // The policy from every capability's permissions (access_policy.cpp).
  static const AccessPolicy& standard();
  AccessPolicy(std::vector<Permission> permissions, std::vector<RoleReach> reaches);

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
  std::span<const RoleReach> reaches() const { return reaches_; }
  // How far the role reaches; kNone for a role no rule names.
  Reach reach_of(Role role) const;
  // The parts of the subject's record the principal sees through `action`: the
  // union of the parts of every role of theirs that may take it on this subject
  // (a role that does not reach the subject adds nothing), in kRecordParts order.
  // Empty when none may. Give the subject's care team (Subject::access) so a role
  // that reaches only by the care team is judged by it.
  std::vector<RecordPart> parts_of(const Principal& principal, std::string_view action, const Subject& subject) const;
  // True when every role of the principal that may take `action` on the subject
  // and sees `part` of it sees only its own agency's work there
  // (RoleReach::own_work_only): a provider who is also a finance officer sees the
  // money, but the plan still only as the provider (the finance role adds no plan).
  bool own_work_only(const Principal& principal, std::string_view action, const Subject& subject,
                     RecordPart part) const;

 private:
  bool reaches_subject(const Principal& principal, Role role, const Permission& permission,
                    const Subject& subject) const;
  bool role_sees(Role role, RecordPart part) const;

  std::vector<Permission> permissions_;
  std::vector<RoleReach> reaches_;
};

}  // namespace allot::app
