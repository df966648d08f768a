// The routes of this capability: method, path, who may call it (an action of the
// access policy, app/ras/permissions.cpp), body and handler.
#include "allot/api/ras/routes.h"

#include "allot/api/ras/handlers.h"

namespace allot::api {

const std::vector<Route>& ras_routes() {
  static const std::vector<Route> kRoutes = {
      {.method = Method::kGet,
       .pattern = "/api/v1/rulebooks",
       .handler = &ras_api::list_rulebooks,
       .summary = "published rulebooks"},
      {.method = Method::kGet,
       .pattern = "/api/v1/rulebooks/{id}/versions/{v}",
       .handler = &ras_api::get_rulebook_version,
       .summary = "a published rulebook document"},
      {.method = Method::kPost,
       .pattern = "/api/v1/rulebooks/validate",
       .access = Access::kAllowed,
       .action = "rulebooks.validate",
       .body = BodyKind::kJson,
       .handler = &ras_api::validate_rulebook,
       .summary = "check a rulebook document"},
      {.method = Method::kPost,
       .pattern = "/api/v1/rulebooks",
       .access = Access::kAllowed,
       .action = "rulebooks.publish",
       .body = BodyKind::kJson,
       .handler = &ras_api::publish_rulebook,
       .summary = "publish a rulebook version"},
      {.method = Method::kPost,
       .pattern = "/api/v1/rulebooks/{id}/versions/{v}/score",
       .body = BodyKind::kJson,
       .handler = &ras_api::score,
       .summary = "indicative budget for a set of answers"},
      {.method = Method::kPost,
       .pattern = "/api/v1/rulebooks/{id}/versions/{v}/calibrate",
       .access = Access::kAllowed,
       .action = "rulebooks.calibrate",
       .body = BodyKind::kJson,
       .handler = &ras_api::calibrate,
       .summary = "set the value of a point from a sample"},
      {.method = Method::kPost,
       .pattern = "/api/v1/rulebooks/{id}/versions/{v}/simulations",
       .access = Access::kAllowed,
       .action = "rulebooks.simulate",
       .body = BodyKind::kCsv,
       .handler = &ras_api::start_simulation,
       .summary = "run a rulebook over a population (a job)"},
  };
  return kRoutes;
}

}  // namespace allot::api
