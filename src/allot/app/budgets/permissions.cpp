#include "allot/app/budgets/permissions.h"

namespace allot::app {

std::span<const Permission> budgets_permissions() {
  // Finance officers set and monitor budgets; a partner's finance officer sees
  // the budgets its agency hosts, runs, is accountable for or contributes to
  // (the use cases filter by agency). Assessors and team managers see only
  // their own locality's remaining budget.
  static const std::vector<Permission> kPermissions = {
      {"budgets.read", {Role::kFinanceOfficer, Role::kAdministrator},
       "see budgets, commitments, payments, monitoring and the reports"},
      {"budgets.manage", {Role::kFinanceOfficer}, "add funds and budgets and refresh commitments"},
      {"budgets.post_payments", {Role::kFinanceOfficer}, "post and import payments"},
      {"budgets.read_locality", {Role::kAssessor, Role::kTeamManager},
       "see the remaining budget of your own locality"},
      {"budgets.request_fast_access", {Role::kAssessor, Role::kTeamManager},
       "ask the fast-access budget for money"},
      {"budgets.decide_fast_access", {Role::kTeamManager, Role::kFinanceOfficer},
       "decide fast-access requests as the budget's named approver"},
  };
  return kPermissions;
}

}  // namespace allot::app
