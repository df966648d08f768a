#pragma once
// Who may take the care at home capability's actions (gathered by app/shared/access_policy.cpp).

#include <span>

#include "allot/app/care_at_home/records.h"
#include "allot/app/shared/access_policy.h"

namespace allot::app {

std::span<const Permission> care_at_home_permissions();

// Whether `by` may see the names of the people packages are for
// ("allocation.names"): pages showing packages to anyone else give the
// package's reference only.
bool sees_people_names(const Principal& by);

// Clears the person's name from a package `by` may not see it on.
void hide_name_unless_allowed(const Principal& by, NewPackage& package);

}  // namespace allot::app
