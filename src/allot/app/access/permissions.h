#pragma once
// Who may see and manage care teams, consent and break glass, and how far each
// role reaches among people's records (gathered by app/shared/access_policy.cpp).

#include <span>

#include "allot/app/shared/access_policy.h"

namespace allot::app {

std::span<const Permission> access_permissions();
// One rule per role: its reach, whether it may break glass, what it sees.
std::span<const RoleReach> role_reaches();

}  // namespace allot::app
