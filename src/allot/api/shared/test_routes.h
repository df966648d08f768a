#pragma once
// The handlers of the test-only routes.

#include "allot/api/shared/router.h"

namespace allot::api {

HttpResponse test_fail(RequestContext& context);
HttpResponse test_sleep(RequestContext& context);
HttpResponse test_in_flight(RequestContext& context);

// The routes of these handlers, for api/routes.cpp.
const std::vector<Route>& test_routes();

}  // namespace allot::api
