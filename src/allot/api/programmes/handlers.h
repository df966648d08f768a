#pragma once
// The handlers of the grant programmes' routes (routes.cpp beside this file).

#include "allot/api/shared/router.h"

namespace allot::api::programmes_api {

HttpResponse list_programmes(RequestContext& context);
HttpResponse import_programme(RequestContext& context);
HttpResponse programme_report(RequestContext& context);

}  // namespace allot::api::programmes_api
