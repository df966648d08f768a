#pragma once
// Who may read and verify the audit log (gathered by app/shared/access_policy.cpp).

#include <span>

#include "allot/app/shared/access_policy.h"

namespace allot::app {

std::span<const Permission> audit_permissions();

}  // namespace allot::app
