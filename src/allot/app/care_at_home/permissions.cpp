#include "allot/app/care_at_home/permissions.h"

namespace allot::app {

std::span<const Permission> care_at_home_permissions() {
  static const std::vector<Permission> kPermissions = {
      {"providers.read",
       {Role::kCommissioner, Role::kFinanceOfficer, Role::kAnalyst},
       "read the provider framework: providers, inspections and their standing"},
      {"providers.manage", {Role::kCommissioner}, "add providers and record their inspections"},
      {"workforce.read",
       {Role::kCommissioner, Role::kFinanceOfficer, Role::kAnalyst, Role::kProviderUser},
       "see a provider's staff bases and carers (a provider's users: their own provider's only)"},
      {"workforce.manage", {Role::kCommissioner, Role::kProviderUser},
       "add or import a provider's bases and carers (a provider's users: their own provider's only)"},
      {"allocation.read",
       {Role::kCommissioner, Role::kFinanceOfficer, Role::kAnalyst, Role::kProviderUser},
       "see packages, open packages and offers (a provider's users: their own provider's only)"},
      {"allocation.names",
       {Role::kCommissioner, Role::kFinanceOfficer, Role::kProviderUser},
       "see the names of the people packages are for, wherever packages are shown (a provider's users: their own "
       "provider's only)"},
      {"allocation.offer", {Role::kCommissioner},
       "add open packages, rank providers for them, offer them, re-plan an area and apply a re-plan"},
      {"allocation.answer", {Role::kProviderUser}, "accept or decline an offer made to one's own provider"},
      {"allocation.propose", {Role::kProviderUser},
       "propose a costed plan for a personal budget model package one's own provider holds"},
      {"allocation.agree", {Role::kCommissioner}, "agree a provider's costed plan or send it back with a reason"},
  };
  return kPermissions;
}

bool sees_people_names(const Principal& by) {
  return static_cast<bool>(AccessPolicy::standard().check(by, "allocation.names"));
}

}  // namespace allot::app
