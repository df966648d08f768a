#pragma once
// Who may take the scheduling capability's actions (gathered by app/shared/access_policy.cpp).

#include <span>

#include "allot/app/shared/access_policy.h"

namespace allot::app {

std::span<const Permission> scheduling_permissions();

}  // namespace allot::app
