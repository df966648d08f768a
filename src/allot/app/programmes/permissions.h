#pragma once
// Who may take the programmes capability's actions (gathered by app/shared/access_policy.cpp).

#include <span>

#include "allot/app/shared/access_policy.h"

namespace allot::app {

std::span<const Permission> programmes_permissions();

}  // namespace allot::app
