#pragma once
// The handlers of the community directory's routes (routes.cpp beside this file).

#include "allot/api/shared/router.h"

namespace allot::api::community_api {

HttpResponse search(RequestContext& context);
HttpResponse add(RequestContext& context);
HttpResponse import_entries(RequestContext& context);
HttpResponse get(RequestContext& context);
HttpResponse change(RequestContext& context);

}  // namespace allot::api::community_api
