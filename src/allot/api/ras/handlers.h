#pragma once
// The handlers of the RAS's routes (routes.cpp beside this file). Each reads its
// request into a parameters struct, validates it (every problem at once), calls
// the app layer and maps the answer to JSON and a status.

#include "allot/api/shared/router.h"

namespace allot::api::ras_api {

HttpResponse list_rulebooks(RequestContext& context);
HttpResponse get_rulebook_version(RequestContext& context);
HttpResponse validate_rulebook(RequestContext& context);
HttpResponse publish_rulebook(RequestContext& context);
HttpResponse score(RequestContext& context);
HttpResponse calibrate(RequestContext& context);
HttpResponse start_simulation(RequestContext& context);

}  // namespace allot::api::ras_api
