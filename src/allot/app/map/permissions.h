#pragma once
// Who may read the map of care (gathered by app/shared/access_policy.cpp).

#include <span>

#include "allot/app/shared/access_policy.h"

namespace allot::app {

std::span<const Permission> map_permissions();

}  // namespace allot::app
