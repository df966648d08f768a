#include "allot/app/access/permissions.h"

#include <iterator>

namespace allot::app {

std::span<const Permission> access_permissions() {
  static const std::vector<Role> kEveryone = all_roles();
  static const std::vector<Permission> kPermissions = {
      {"access.read_rules", kEveryone, "read who may see what: each role's reach, break glass and paging limits"},
      {"access.read_care_team", {Role::kAssessor, Role::kTeamManager, Role::kPanelMember},
       "see a person's care team and their consent to share"},
      {"access.manage_care_team", {Role::kAssessor, Role::kTeamManager},
       "add agencies and workers to a person's care team, end their membership, record consent"},
      {"access.break_glass", {Role::kAssessor, Role::kTeamManager},
       "open a record outside the care team, with a reason, for a limited time",
       /*outside_care_team=*/true},
      {"access.review_break_glass", {Role::kTeamManager, Role::kDataProtectionOfficer},
       "review break-glass accesses"},
      {"access.manage_agreements", {Role::kTeamManager, Role::kDataProtectionOfficer},
       "record and end information sharing agreements with partner agencies"},
      {"access.read_volumes", {Role::kDataProtectionOfficer}, "see users who read unusually many records"},
      {"access.link_account", {Role::kAssessor, Role::kTeamManager},
       "link a person's own account (or their representative's) to their record"},
  };
  return kPermissions;
}

std::span<const RoleReach> role_reaches() {
  // The council's rules, served by GET /api/v1/access/rules (docs/security.md).
  using P = RecordPart;
  static const std::vector<P> kAll(std::begin(kRecordParts), std::end(kRecordParts));
  static const std::vector<RoleReach> kReaches = {
      {Role::kAdministrator, Reach::kNone, false, "manages users, agencies and teams; no one's record", {}},
      {Role::kAssessor, Reach::kCareTeam, true,
       "the records of people whose care team they or their agency are on: details, assessments, plans, notes, "
       "financial assessments",
       kAll},
      {Role::kTeamManager, Reach::kCareTeam, true,
       "as an assessor, for the people their agency or team is involved with, and sign-off", kAll},
      {Role::kPanelMember, Reach::kCareTeamOrPanel, false,
       "the plans awaiting the Resource Allocation Group and the records of people on whose care team their "
       "agency is, with sharing in force: details, how the budget was worked out, the plan and the budget; no "
       "case history, drafts, case notes or financial assessments",
       {P::kIdentity, P::kAssessment, P::kPlan, P::kMoney}},
      {Role::kFinanceOfficer, Reach::kCareTeam, false,
       "money: budgets, payments and contributions of people their agency is involved with, with their details; "
       "no assessments, plans' outcomes, case history or case notes",
       {P::kIdentity, P::kMoney}},
      {Role::kCommissioner, Reach::kNone, false, "providers, packages and totals; no one's record", {}},
      {Role::kProviderUser, Reach::kCareTeam, false,
       "only the people their agency supports, and only the parts a provider needs: details, the support plan's "
       "lines their own agency delivers, and the diary; never money, assessments or other providers' work",
       {P::kIdentity, P::kPlan, P::kDiary},
       /*own_work_only=*/true},
      {Role::kAnalyst, Reach::kNone, false, "rulebooks, simulations and totals; no one's record", {}},
      {Role::kDataProtectionOfficer, Reach::kNone, false,
       "the audit log, break-glass accesses and unusual volumes; no one's record", {}},
      {Role::kPerson, Reach::kOwnRecord, false,
       "their own record only: budget and how it was worked out, support plan, contribution, diary",
       {P::kIdentity, P::kAssessment, P::kPlan, P::kMoney, P::kDiary}},
  };
  return kReaches;
}

}  // namespace allot::app
