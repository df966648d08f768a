#pragma once
// Who may take the community directory's actions (gathered by app/shared/access_policy.cpp).

#include <span>

#include "allot/app/shared/access_policy.h"

namespace allot::app {

std::span<const Permission> community_permissions();

}  // namespace allot::app
