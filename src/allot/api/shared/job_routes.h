#pragma once
// The handlers of the job routes.

#include "allot/api/shared/router.h"

namespace allot::api {

HttpResponse get_job(RequestContext& context);
HttpResponse cancel_job(RequestContext& context);

// The routes of these handlers, for api/routes.cpp.
const std::vector<Route>& job_routes();

}  // namespace allot::api
