#pragma once
// The routes of the audit log (api/routes.cpp gathers every capability's).

#include <vector>

#include "allot/api/shared/router.h"

namespace allot::api {

const std::vector<Route>& audit_routes();

}  // namespace allot::api
