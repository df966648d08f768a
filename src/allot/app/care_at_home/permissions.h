#pragma once
// Who may take the care at home capability's actions (gathered by app/shared/access_policy.cpp).

#include <span>

#include "allot/app/shared/access_policy.h"

namespace allot::app {

std::span<const Permission> care_at_home_permissions();

}  // namespace allot::app
