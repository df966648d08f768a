#pragma once
// Who may take the support diary's actions (gathered by app/shared/access_policy.cpp).

#include <span>

#include "allot/app/shared/access_policy.h"

namespace allot::app {

std::span<const Permission> diary_permissions();

}  // namespace allot::app
