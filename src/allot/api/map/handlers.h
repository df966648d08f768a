#pragma once
// The handlers of the map of care's routes (routes.cpp beside this file).

#include "allot/api/shared/router.h"

namespace allot::api::map_api {

HttpResponse read_map(RequestContext& context);

}  // namespace allot::api::map_api
