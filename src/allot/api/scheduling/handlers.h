#pragma once
// The handlers of visit scheduling's routes (routes.cpp beside this file). Each reads its
// request into a parameters struct, validates it (every problem at once), calls
// the app layer and maps the answer to JSON and a status.

#include "allot/api/shared/router.h"

namespace allot::api::scheduling_api {

HttpResponse list_solver_examples(RequestContext& context);
HttpResponse start_solver_job(RequestContext& context);

}  // namespace allot::api::scheduling_api
