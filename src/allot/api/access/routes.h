#pragma once
// The routes of care teams, consent, sharing agreements and break glass
// (api/routes.cpp gathers every capability's).

#include <vector>

#include "allot/api/shared/router.h"

namespace allot::api {

const std::vector<Route>& access_routes();

}  // namespace allot::api
