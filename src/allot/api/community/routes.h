#pragma once
// The directory of community opportunities' routes.

#include <vector>

#include "allot/api/shared/router.h"

namespace allot::api {

const std::vector<Route>& community_routes();

}  // namespace allot::api
