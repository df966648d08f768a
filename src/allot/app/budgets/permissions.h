#pragma once
// Who may take integrated budgets' actions (gathered by app/shared/access_policy.cpp).

#include <span>

#include "allot/app/shared/access_policy.h"

namespace allot::app {

std::span<const Permission> budgets_permissions();

}  // namespace allot::app
