// The routes of the map of care: method, path, who may call it (an action of
// the access policy, app/map/permissions.cpp), body and handler.
#include "allot/api/map/routes.h"

#include "allot/api/map/handlers.h"

namespace allot::api {

const std::vector<Route>& map_routes() {
  static const std::vector<Route> kRoutes = {
      {.method = Method::kGet,
       .pattern = "/api/v1/care-at-home/map",
       .access = Access::kAllowed,
       .action = "care_map.read",
       .body = BodyKind::kNone,
       .handler = &map_api::read_map,
       .test_only = false,
       .summary = "packages, providers' bases, localities and community opportunities as points, by provider and service"},
  };
  return kRoutes;
}

}  // namespace allot::api
