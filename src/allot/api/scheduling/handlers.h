#pragma once
// The handlers of visit scheduling's routes (routes.cpp beside this file). Each reads its
// request into a parameters struct, validates it (every problem at once), calls
// the app layer and maps the answer to JSON and a status.

#include "allot/api/shared/router.h"

namespace allot::api::scheduling_api {

HttpResponse list_solver_examples(RequestContext& context);
HttpResponse start_solver_job(RequestContext& context);
// A provider's day as the engine's problem with names (week_handlers.cpp).
HttpResponse provider_week(RequestContext& context);
HttpResponse provider_weeks(RequestContext& context);

}  // namespace allot::api::scheduling_api
