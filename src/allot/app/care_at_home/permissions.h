#pragma once
// Who may take the care at home capability's actions (gathered by app/shared/access_policy.cpp).

#include <span>

#include "allot/app/shared/access_policy.h"

namespace allot::app {

std::span<const Permission> care_at_home_permissions();

// Whether `by` may see the names of the people packages are for
// ("allocation.names"; a person on record also needs their record's care team:
// package_names.h).
bool sees_people_names(const Principal& by);

}  // namespace allot::app
