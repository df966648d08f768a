#pragma once
// The map of care's routes.

#include <vector>

#include "allot/api/shared/router.h"

namespace allot::api {

const std::vector<Route>& map_routes();

}  // namespace allot::api
