#pragma once
// Care at home's routes: the provider framework.

#include <vector>

#include "allot/api/shared/router.h"

namespace allot::api {

const std::vector<Route>& care_at_home_routes();

}  // namespace allot::api
