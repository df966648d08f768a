#pragma once
// The routes of this capability (api/routes.cpp gathers every capability's).

#include <vector>

#include "allot/api/shared/router.h"

namespace allot::api {

const std::vector<Route>& diary_routes();

}  // namespace allot::api
